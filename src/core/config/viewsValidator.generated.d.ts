// Types of the generated standalone validator (see scripts/build-validators.ts).
export interface ValidatorError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface ViewsValidator {
  (data: unknown): boolean;
  errors?: ValidatorError[] | null;
}

export declare const validate: ViewsValidator;
export default validate;
