// The 反馈表 of the chosen units, one file each or all in one .zip.
import { returnFormSpec, returnFormsZipName, type FormOptions, type SummaryModel } from '../ledger';
import { writeReturnForm } from './returnFormFile';
import { zipFiles, type NamedFile } from './zip';

export interface ReturnFileOptions extends FormOptions {
  readonly created: Date;
}

export async function returnFormFile(
  model: SummaryModel,
  unit: string,
  options: ReturnFileOptions,
): Promise<NamedFile> {
  const spec = returnFormSpec(model, unit, options);
  return { name: spec.fileName, bytes: await writeReturnForm(spec, options.created) };
}

export async function returnFormsZip(
  model: SummaryModel,
  units: readonly string[],
  options: ReturnFileOptions,
): Promise<NamedFile> {
  const files: NamedFile[] = [];
  for (const unit of units) files.push(await returnFormFile(model, unit, options));
  return {
    name: returnFormsZipName(model.asOf, files.length, model.names),
    bytes: await zipFiles(files, options.created),
  };
}
