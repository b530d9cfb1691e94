// The CloudFormation resource data the validator checks templates against: resource types, their properties
// (required flag, shape, allowed values, replacement on update), property types (structs) and GetAtt attributes.
// Derived from @aws-cdk/aws-service-spec by scripts/build-cfn-spec.mjs; read once, lazily, on the first lookup.
import { readResourceSpecData, type ResourceSpecData } from './data.js';
import { SpecDecoder, TAG_STRUCT } from './decode.js';
import type { ResourceSpecSource, ResourceTypeSpec, Shape, StructSpec } from './types.js';

export type {
  CausesReplacement,
  PropertySpec,
  PropertySpecs,
  ResourceSpecSource,
  ResourceTypeSpec,
  Shape,
  ShapeKind,
  StructSpec,
} from './types.js';
export { suggest, editDistance } from './suggest.js';

interface DecodedResourceType {
  readonly spec: ResourceTypeSpec;
  /** By attribute name, and by prefix + `*` for the prefixes. */
  readonly attributeShapes: Readonly<Record<string, Shape>>;
}

interface LoadedSpec {
  readonly data: ResourceSpecData;
  readonly decoder: SpecDecoder;
  readonly resourceTypes: Map<string, DecodedResourceType>;
  readonly structs: Map<string, Map<string, StructSpec>>;
  names?: readonly string[];
}

// One per process on purpose: the data is immutable, and reading it again per template would cost the 20–40 ms
// that the cold-start budget of cfn-validate cannot spare.
let loaded: LoadedSpec | undefined;

/** What may follow an attribute prefix: one name (an output's logical id, a map key). */
const DYNAMIC_ATTRIBUTE_PART = /^[\w-]+$/;

function spec(): LoadedSpec {
  if (!loaded) {
    const data = readResourceSpecData();
    loaded = { data, decoder: new SpecDecoder(data.enums), resourceTypes: new Map(), structs: new Map() };
  }
  return loaded;
}

/** The encoded sections of a resource type: properties, attributes, structs. */
function sections(name: string): [string, string, string] | undefined {
  const { resources } = spec().data;
  if (!Object.hasOwn(resources, name)) return undefined;
  const [properties = '', attributes = '', structs = ''] = (resources[name] as string).split('/');
  return [properties, attributes, structs];
}

function decodedResourceType(name: string): DecodedResourceType | undefined {
  const { decoder, resourceTypes, data } = spec();
  const cached = resourceTypes.get(name);
  if (cached) return cached;
  const encoded = sections(name);
  if (!encoded) return undefined;
  const attributeShapes = decoder.shapes(encoded[1]);
  const attributes: string[] = [];
  const attributePrefixes: string[] = [];
  for (const attribute of Object.keys(attributeShapes)) {
    if (attribute.endsWith('.*')) attributePrefixes.push(attribute.slice(0, -1));
    else attributes.push(attribute);
  }
  const transform = Object.hasOwn(data.transforms, name) ? data.transforms[name] : undefined;
  const decoded: DecodedResourceType = {
    spec: {
      name,
      properties: decoder.properties(encoded[0]),
      attributes,
      attributePrefixes,
      ...(transform === undefined ? {} : { transform }),
    },
    attributeShapes,
  };
  resourceTypes.set(name, decoded);
  return decoded;
}

/** The spec of a resource type (`AWS::S3::Bucket`), or undefined when CloudFormation has no such type. */
export function resourceType(name: string): ResourceTypeSpec | undefined {
  return decodedResourceType(name)?.spec;
}

/**
 * The shape of what `!GetAtt <resource>.<attribute>` returns, or undefined when the resource type (or the
 * attribute) is unknown. Dotted names (`Endpoint.Address`) and prefixed ones (`Outputs.VpcId`) included.
 */
export function attributeShape(resourceTypeName: string, attribute: string): Shape | undefined {
  const decoded = decodedResourceType(resourceTypeName);
  if (!decoded) return undefined;
  const { spec: typeSpec, attributeShapes } = decoded;
  if (Object.hasOwn(attributeShapes, attribute) && !attribute.endsWith('.*')) return attributeShapes[attribute];
  const prefix = typeSpec.attributePrefixes.find(
    (p) => attribute.startsWith(p) && DYNAMIC_ATTRIBUTE_PART.test(attribute.slice(p.length)),
  );
  return prefix === undefined ? undefined : attributeShapes[`${prefix}*`];
}

/**
 * A property type (struct) of a resource type, named by a `{kind: 'struct'}` shape of that resource type;
 * undefined when either is unknown.
 */
export function propertyType(resourceTypeName: string, typeName: string): StructSpec | undefined {
  const { decoder, structs } = spec();
  let ofResource = structs.get(resourceTypeName);
  if (!ofResource) {
    const encoded = sections(resourceTypeName);
    if (!encoded) return undefined;
    ofResource = decoder.structs(encoded[2]);
    structs.set(resourceTypeName, ofResource);
  }
  return ofResource.get(typeName) ?? (typeName === TAG_STRUCT.name ? TAG_STRUCT : undefined);
}

/** Every resource type name the data knows, sorted. */
export function allResourceTypeNames(): readonly string[] {
  const loadedSpec = spec();
  loadedSpec.names ??= Object.keys(loadedSpec.data.resources);
  return loadedSpec.names;
}

/** Which release of @aws-cdk/aws-service-spec the data was built from. */
export function resourceSpecSource(): ResourceSpecSource {
  return spec().data.source;
}
