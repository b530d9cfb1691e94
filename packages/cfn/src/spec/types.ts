/** What a CloudFormation property value must look like, as the resource data describes it. */
export type Shape =
  | { readonly kind: 'string'; readonly allowedValues?: readonly string[] }
  | { readonly kind: 'integer'; readonly allowedValues?: readonly number[] }
  /** `json`: a free-form JSON value the service reads itself (policy documents and the like). */
  | { readonly kind: 'number' | 'boolean' | 'json' | 'any' }
  | { readonly kind: 'list'; readonly item: Shape }
  | { readonly kind: 'map'; readonly item: Shape }
  /** A property type of the same resource type: look it up with `propertyType(resourceType, name)`. */
  | { readonly kind: 'struct'; readonly name: string }
  /** Any one of the options is accepted (the spec's unions, and types a property had in earlier releases). */
  | { readonly kind: 'union'; readonly options: readonly Shape[] };

export type ShapeKind = Shape['kind'];

/** Whether updating the property replaces the resource: `maybe` depends on the values (per the spec). */
export type CausesReplacement = 'yes' | 'no' | 'maybe';

export interface PropertySpec {
  readonly name: string;
  readonly required: boolean;
  readonly shape: Shape;
  readonly causesReplacement: CausesReplacement;
}

/** Property names map to specs; the record has no prototype, so `name in properties` is safe for any name. */
export type PropertySpecs = Readonly<Record<string, PropertySpec>>;

export interface StructSpec {
  readonly name: string;
  readonly properties: PropertySpecs;
}

export interface ResourceTypeSpec {
  readonly name: string;
  readonly properties: PropertySpecs;
  /** GetAtt attribute names, dotted ones included (`Endpoint.Address`), sorted. */
  readonly attributes: readonly string[];
  /**
   * GetAtt names that start with one of these and go on also exist: `Outputs.` of a nested stack
   * (`!GetAtt Child.Outputs.VpcId`). `attributeShape()` applies both lists.
   */
  readonly attributePrefixes: readonly string[];
  /** The template Transform this type needs (only the AWS::Serverless::* types), if any. */
  readonly transform?: string;
}

export interface ResourceSpecSource {
  readonly package: string;
  readonly version: string;
}
