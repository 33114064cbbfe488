// Errors shaped like OfficeExtension.Error: `code` is what add-in code branches on.
// Codes: https://learn.microsoft.com/javascript/api/excel/excel.errorcodes and
// https://learn.microsoft.com/javascript/api/office/officeextension.errorcodes
export type SimErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'InsertDeleteConflict'
  | 'MergedRangeConflict'
  | 'InvalidRequestContext'
  | 'AccessDenied'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'GeneralException';

export class SimError extends Error {
  readonly code: SimErrorCode;
  /** errorLocation is filled in by the batch when the command that failed is known. */
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };

  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}
