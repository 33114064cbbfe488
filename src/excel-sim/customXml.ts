// Workbook.customXmlParts (ExcelApi 1.5): XML documents stored inside the workbook, found by id
// or by their root element's namespace. https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection
// add(xml) "must be a valid XML fragment": text that is not one well-formed element is refused.
import { SimCollection } from './collection';
import { SimClientObject, SimClientResult, type SimContext } from './core';
import { SimError } from './errors';

export interface CustomXmlModel {
  readonly id: string;
  xml: string;
}

/** The namespace of the root element (its default xmlns), '' when it has none; throws when not well formed. */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^?]*\?>)?\s*/u, '').trimEnd();
  const stack: string[] = [];
  let root: string | null = null;
  let closedRoot = false;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/gu;
  let at = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(at, m.index);
    if (between.includes('<') || (closedRoot && between.trim()) || (root === null && between.trim()))
      throw notXml();
    at = tag.lastIndex;
    const [, closing, name, attributes, selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) throw notXml();
      if (stack.length === 0) closedRoot = true;
      continue;
    }
    if (closedRoot) throw notXml();
    if (root === null)
      root = /\sxmlns\s*=\s*(?:"([^"]*)"|'([^']*)')/u.exec(attributes)?.slice(1).join('') ?? '';
    if (selfClosing) {
      if (stack.length === 0) closedRoot = true;
    } else stack.push(name);
  }
  if (root === null || stack.length || !closedRoot || body.slice(at).trim()) throw notXml();
  return root;
}

const notXml = () =>
  new SimError('InvalidArgument', 'The custom XML part must be a well-formed XML element.');

export class SimCustomXmlPart extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly idOf: () => string | null,
  ) {
    super(ctx);
  }
  private model(): CustomXmlModel | undefined {
    const id = this.idOf();
    return this.context.state.customXmlParts.find((p) => p.id === id);
  }
  protected exists(): boolean {
    return this.model() !== undefined;
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      id: () => this.model()?.id,
      namespaceUri: () => rootNamespace((this.model() as CustomXmlModel).xml),
    };
  }
  get id(): string {
    return this.read('id') as string;
  }
  get namespaceUri(): string {
    return this.read('namespaceUri') as string;
  }
  getXml(): SimClientResult<string> {
    const result = new SimClientResult<string>();
    this.call('getXml', null, () => {
      const xml = (this.model() as CustomXmlModel).xml;
      this.context.respond(xml);
      result._set(xml);
    });
    return result;
  }
  setXml(xml: string): void {
    this.call('setXml', xml, () => {
      rootNamespace(xml);
      (this.model() as CustomXmlModel).xml = xml;
    });
  }
  delete(): void {
    this.call('delete', null, () => {
      const id = this.idOf();
      this.context.state.customXmlParts = this.context.state.customXmlParts.filter((p) => p.id !== id);
    });
  }
}

function lookup(ctx: SimContext, id: string, among: () => CustomXmlModel[], nullable: boolean) {
  const holder: { id: string | null } = { id: null };
  const part = new SimCustomXmlPart(ctx, () => holder.id);
  part._nullable = nullable;
  return {
    part,
    find: () => {
      const found = among().some((p) => p.id === id);
      if (!found && !nullable) throw new SimError('ItemNotFound', `No custom XML part "${id}".`);
      holder.id = found ? id : null;
    },
  };
}

/** What both part collections share: the parts they hold, counted and found by id. */
abstract class SimPartCollection extends SimCollection<SimCustomXmlPart> {
  protected abstract models(): CustomXmlModel[];
  protected currentItems(): SimCustomXmlPart[] {
    return this.models().map((p) => new SimCustomXmlPart(this.context, () => p.id));
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => result._set(this.models().length));
    return result;
  }
  private byId(id: string, nullable: boolean): SimCustomXmlPart {
    const { part, find } = lookup(this.context, id, () => this.models(), nullable);
    this.call(nullable ? 'getItemOrNullObject' : 'getItem', id, find);
    return part;
  }
  getItem(id: string): SimCustomXmlPart {
    return this.byId(id, false);
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    return this.byId(id, true);
  }
}

/** The parts whose root element is in one namespace (CustomXmlPartCollection.getByNamespace). */
export class SimCustomXmlPartScopedCollection extends SimPartCollection {
  constructor(
    ctx: SimContext,
    private readonly namespaceUri: string,
  ) {
    super(ctx);
  }
  protected models(): CustomXmlModel[] {
    return this.context.state.customXmlParts.filter((p) => rootNamespace(p.xml) === this.namespaceUri);
  }
  private only(nullable: boolean): SimCustomXmlPart {
    const holder: { id: string | null } = { id: null };
    const part = new SimCustomXmlPart(this.context, () => holder.id);
    part._nullable = nullable;
    this.call(nullable ? 'getOnlyItemOrNullObject' : 'getOnlyItem', null, () => {
      const models = this.models();
      if (models.length !== 1 && !nullable)
        throw new SimError('InvalidOperation', `${models.length} custom XML parts, not exactly one.`);
      holder.id = models.length === 1 ? models[0].id : null;
    });
    return part;
  }
  getOnlyItem(): SimCustomXmlPart {
    return this.only(false);
  }
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return this.only(true);
  }
}

export class SimCustomXmlPartCollection extends SimPartCollection {
  protected models(): CustomXmlModel[] {
    return this.context.state.customXmlParts;
  }
  add(xml: string): SimCustomXmlPart {
    const holder: { id: string | null } = { id: null };
    this.call('add', xml, () => {
      rootNamespace(xml);
      const id = this.context.state.id('xml');
      this.context.state.customXmlParts.push({ id, xml });
      holder.id = id;
    });
    return new SimCustomXmlPart(this.context, () => holder.id);
  }
  getByNamespace(namespaceUri: string): SimCustomXmlPartScopedCollection {
    return new SimCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
}
