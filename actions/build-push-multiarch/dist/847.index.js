export const id = 847;
export const ids = [847];
export const modules = {

/***/ 8847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeParameterValues: () => (/* reexport */ writeParameterValues)
});

// UNUSED EXPORTS: INTRINSIC_KEYS, MAX_ALIAS_EXPANSION, PSEUDO_PARAMETERS, ParametersFileError, RULES, SHORT_FORM_TAGS, TEMPLATE_LIMITS, TOP_LEVEL_SECTIONS, allResourceTypeNames, attributeShape, bucketNameProblem, collectReferences, detectPlaceholder, editDistance, entry, get, intrinsic, isListParameterType, isMap, isRuleId, isScalar, isSeq, isValidParameterType, mapNode, mergeCapabilities, needsS3Upload, parameterConstraintViolations, parseJson, parseParameterOverrides, parseParametersFile, parseTemplate, parseText, parseYaml, plainProperties, positionInString, propertyType, rainDirective, readParametersFile, readTemplate, requiredCapabilities, resolveParameterValues, resourceSpecSource, resourceType, scalar, setParameterValues, subVariables, suggest, text, toPlain, validateTemplate, walk, walkWithPaths

;// CONCATENATED MODULE: ./packages/cfn/src/nodes.ts
function scalar(value, pos, raw) {
    return raw === undefined ? { kind: 'scalar', value, pos } : { kind: 'scalar', value, raw, pos };
}
function mapNode(entries, pos, tag) {
    const byKey = new Map();
    for (const e of entries)
        byKey.set(e.key, e);
    return tag === undefined ? { kind: 'map', entries, byKey, pos } : { kind: 'map', entries, byKey, pos, tag };
}
function nodes_isMap(node) {
    return node?.kind === 'map';
}
function isSeq(node) {
    return node?.kind === 'seq';
}
function isScalar(node) {
    return node?.kind === 'scalar';
}
/** The value under `key` of a mapping node. */
function nodes_get(node, key) {
    return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}
function entry(node, key) {
    return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}
/** The text of a scalar as CloudFormation sees it (numbers and booleans as written), or undefined. */
function nodes_text(node) {
    if (node?.kind !== 'scalar' || node.value === null)
        return undefined;
    if (typeof node.value === 'string')
        return node.value;
    return node.raw ?? String(node.value);
}
/** A plain JavaScript value (as JSON.parse would give) for a node. */
function nodes_toPlain(node) {
    if (node === undefined)
        return undefined;
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(nodes_toPlain);
    const out = {};
    for (const e of node.entries)
        out[e.key] = nodes_toPlain(e.value);
    return out;
}
/** Intrinsic functions and condition functions, by their long-form key. */
const INTRINSIC_KEYS = new Set([
    'Ref',
    'Condition',
    'Fn::Base64',
    'Fn::Cidr',
    'Fn::FindInMap',
    'Fn::GetAtt',
    'Fn::GetAZs',
    'Fn::ImportValue',
    'Fn::Join',
    'Fn::Select',
    'Fn::Split',
    'Fn::Sub',
    'Fn::Transform',
    'Fn::If',
    'Fn::Equals',
    'Fn::And',
    'Fn::Or',
    'Fn::Not',
    'Fn::ToJsonString',
    'Fn::Length',
    'Fn::Contains',
    'Fn::EachMemberEquals',
    'Fn::EachMemberIn',
    'Fn::RefAll',
    'Fn::ValueOf',
    'Fn::ValueOfAll',
    'Fn::Implies',
]);
/**
 * `{"Fn::X": …}` (one key, an intrinsic function): its name and argument; otherwise undefined. `Condition` counts
 * only with a name (an IAM policy's `Condition: {…}` block is not the condition function).
 */
function nodes_intrinsic(node) {
    if (node?.kind !== 'map' || node.entries.length !== 1)
        return undefined;
    const only = node.entries[0];
    if (!only || !(INTRINSIC_KEYS.has(only.key) || only.key.startsWith('Fn::ForEach::')))
        return undefined;
    if (only.key === 'Condition' && only.value.kind !== 'scalar')
        return undefined;
    return { name: only.key, arg: only.value, keyPos: only.keyPos };
}
/** `{"Rain::Embed": …}`, `{"Fn::Rain::Module": …}`: a directive of the rain CLI, replaced before deploy. */
function rainDirective(node) {
    if (node?.kind !== 'map' || node.entries.length !== 1)
        return undefined;
    const key = node.entries[0]?.key ?? '';
    return /^(Fn::)?Rain::/.test(key) ? key : undefined;
}
/** The position of character `index` of a string scalar's value (exact on one line and in literal blocks). */
function positionInString(node, index) {
    const value = typeof node.value === 'string' ? node.value : '';
    const before = value.slice(0, index);
    const newlines = before.split('\n').length - 1;
    if (newlines === 0 && !node.block)
        return { line: node.pos.line, column: node.pos.column + index + 1 };
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: node.pos.line + newlines + (node.block ? 1 : 0), column: index - lineStart + 1 };
}
/** Every node under `node` (itself included), depth first. `enter` returning false skips the node's children. */
function nodes_walk(node, enter) {
    const stack = [node];
    while (stack.length > 0) {
        const n = stack.pop();
        if (enter(n) === false)
            continue;
        if (n.kind === 'map')
            for (let i = n.entries.length - 1; i >= 0; i--)
                stack.push(n.entries[i].value);
        else if (n.kind === 'seq')
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push(n.items[i]);
    }
}
/** Like `walk`, with each node's path from `path` (slower: use it when the path is wanted). */
function walkWithPaths(node, path, enter) {
    const stack = [{ node, path }];
    while (stack.length > 0) {
        const visit = stack.pop();
        if (enter(visit) === false)
            continue;
        const n = visit.node;
        if (n.kind === 'map') {
            for (let i = n.entries.length - 1; i >= 0; i--) {
                const e = n.entries[i];
                stack.push({ node: e.value, path: [...visit.path, e.key] });
            }
        }
        else if (n.kind === 'seq') {
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push({ node: n.items[i], path: [...visit.path, i] });
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/cfn/src/parse.ts


/** Short-form YAML tag → long-form key: `!Ref` → `Ref`, `!GetAtt` → `Fn::GetAtt`. */
const SHORT_FORM_TAGS = new Map([...INTRINSIC_KEYS].map((key) => [`!${key.replace(/^Fn::/, '')}`, key]));
/**
 * The short forms declared to the YAML parser (scalar, sequence and mapping form each), so that it keeps their tag
 * without building a warning — with its stack trace — for every `!Ref` of a template.
 */
const SHORT_FORM_YAML_TAGS = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
    { tag, resolve: (value) => value },
    { tag, collection: 'seq', nodeClass: dist/* YAMLSeq */.Rw, resolve: (seq) => seq },
    { tag, collection: 'map', nodeClass: dist/* YAMLMap */.CA, resolve: (map) => map },
]);
/** Expanded nodes that YAML aliases may add before the text is refused (alias bombs fail fast). */
const MAX_ALIAS_EXPANSION = 100_000;
const MAX_DEPTH = 400;
/**
 * Parses a CloudFormation template, a parameters file or any YAML/JSON text into position-carrying nodes.
 * JSON (text starting with `{` or `[`) goes through a JSON parser of our own — the YAML parser takes minutes on
 * megabytes of flow-style text; YAML through the `yaml` package's document API. Short-form tags become long form.
 */
function parse_parseText(source) {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    if (looksBinary(text)) {
        return {
            format: 'yaml',
            root: undefined,
            problems: [
                {
                    code: 'syntax',
                    message: 'not a text file: it holds binary data (NUL bytes or bytes that are not UTF-8), not YAML or JSON',
                    pos: { line: 1, column: 1 },
                    fix: 'point the input at the template itself (a .yaml, .yml, .json or .template file), saved as UTF-8.',
                },
            ],
        };
    }
    const first = /\S/.exec(text)?.[0];
    if (first === '{' || first === '[')
        return parseJson(text);
    return parseYaml(text);
}
class JsonSyntaxError extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A strict JSON parser that keeps the line and column of every key and value and reports duplicate keys. */
function parseJson(text) {
    const problems = [];
    let i = 0;
    let line = 1;
    let lineStart = 0;
    const pos = () => ({ line, column: i - lineStart + 1 });
    const fail = (message) => {
        throw new JsonSyntaxError(message, pos());
    };
    const ws = () => {
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === 10) {
                i++;
                line++;
                lineStart = i;
            }
            else if (c === 32 || c === 9 || c === 13)
                i++;
            else
                return;
        }
    };
    const describe = () => (i >= text.length ? 'the end of the text' : `'${text[i]}'`);
    const string = () => {
        const start = i;
        i++;
        let escaped = false;
        for (;;) {
            const c = text.charCodeAt(i);
            if (Number.isNaN(c))
                fail('Unterminated string');
            if (c === 34)
                break;
            if (c < 32)
                fail('Control character (e.g. a line break) inside a string: escape it');
            if (c === 92) {
                escaped = true;
                i++;
            }
            i++;
        }
        i++;
        if (!escaped)
            return text.slice(start + 1, i - 1);
        try {
            return JSON.parse(text.slice(start, i));
        }
        catch {
            i = start;
            return fail('Invalid escape sequence in string');
        }
    };
    const value = (depth) => {
        ws();
        if (depth > MAX_DEPTH)
            fail(`Nesting deeper than ${MAX_DEPTH} levels`);
        const at = pos();
        const c = text[i];
        if (c === '{') {
            i++;
            const entries = [];
            const seen = new Map();
            ws();
            if (text[i] === '}') {
                i++;
                return mapNode(entries, at);
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail(`Expected a quoted key, found ${describe()}`);
                const keyPos = pos();
                const key = string();
                ws();
                if (text[i] !== ':')
                    fail(`Expected ':' after key "${key}", found ${describe()}`);
                i++;
                const v = value(depth + 1);
                const previous = seen.get(key);
                if (previous) {
                    problems.push({
                        code: 'duplicate-key',
                        message: `Duplicate key '${key}' (first at line ${previous.line})`,
                        pos: keyPos,
                    });
                    const index = entries.findIndex((e) => e.key === key);
                    entries.splice(index, 1);
                }
                seen.set(key, keyPos);
                entries.push({ key, keyPos, value: v });
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === '}') {
                    i++;
                    return mapNode(entries, at);
                }
                fail(`Expected ',' or '}' after the value of "${key}", found ${describe()}`);
            }
        }
        if (c === '[') {
            i++;
            const items = [];
            ws();
            if (text[i] === ']') {
                i++;
                return { kind: 'seq', items, pos: at };
            }
            for (;;) {
                items.push(value(depth + 1));
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === ']') {
                    i++;
                    return { kind: 'seq', items, pos: at };
                }
                fail(`Expected ',' or ']' in a list, found ${describe()}`);
            }
        }
        if (c === '"')
            return scalar(string(), at);
        if (text.startsWith('true', i)) {
            i += 4;
            return scalar(true, at);
        }
        if (text.startsWith('false', i)) {
            i += 5;
            return scalar(false, at);
        }
        if (text.startsWith('null', i)) {
            i += 4;
            return scalar(null, at);
        }
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (m) {
            i += m[0].length;
            return scalar(Number(m[0]), at, m[0]);
        }
        return fail(`Unexpected ${describe()}`);
    };
    try {
        const root = value(0);
        ws();
        if (i < text.length)
            fail(`Unexpected ${describe()} after the end of the JSON value`);
        return { format: 'json', root, problems };
    }
    catch (error) {
        if (error instanceof JsonSyntaxError) {
            return {
                format: 'json',
                root: undefined,
                problems: [{ code: 'syntax', message: `JSON syntax error: ${error.message}`, pos: error.pos }],
            };
        }
        throw error;
    }
}
class AliasLimitError extends Error {
}
function parseYaml(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter,
        uniqueKeys: false,
        prettyErrors: false,
        merge: false,
        strict: true,
        customTags: SHORT_FORM_YAML_TAGS,
    });
    const posAt = (offset) => {
        const p = lineCounter.linePos(offset);
        return { line: p.line, column: p.col };
    };
    if (doc.errors.length > 0) {
        return {
            format: 'yaml',
            root: undefined,
            // The first error only: the ones after it are mostly its echo (every later line "at the wrong column").
            problems: doc.errors
                .slice(0, 1)
                .map((e) => ({ code: 'syntax', message: `YAML syntax error: ${firstLine(e.message)}`, pos: posAt(e.pos[0]) })),
        };
    }
    const problems = [];
    const converter = new YamlConverter(doc, text, posAt, problems);
    try {
        const root = doc.contents ? converter.convert(doc.contents, 0) : undefined;
        return { format: 'yaml', root, problems };
    }
    catch (error) {
        if (error instanceof AliasLimitError) {
            return {
                format: 'yaml',
                root: undefined,
                problems: [...problems, { code: 'alias-limit', message: error.message, pos: converter.lastAliasPos }],
            };
        }
        throw error;
    }
}
/** A parser's message, short enough to read: a token it quotes from a broken file can be kilobytes long. */
function firstLine(message) {
    const line = message.split('\n')[0] ?? message;
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
/** NUL bytes, or many bytes that were not UTF-8 (decoded as U+FFFD): an image, an archive, not a template. */
function looksBinary(text) {
    const head = text.slice(0, 8192);
    if (head.includes('\u0000'))
        return true;
    let replaced = 0;
    for (const c of head)
        if (c === '\ufffd')
            replaced += 1;
    return replaced > Math.max(8, head.length / 100);
}
class YamlConverter {
    doc;
    text;
    posAt;
    problems;
    anchored = new Map();
    converting = new Set();
    sizes = new WeakMap();
    aliasBudget = MAX_ALIAS_EXPANSION;
    lastAliasPos = { line: 1, column: 1 };
    constructor(doc, text, posAt, problems) {
        this.doc = doc;
        this.text = text;
        this.posAt = posAt;
        this.problems = problems;
    }
    convert(node, depth) {
        const offset = node?.range?.[0] ?? 0;
        const pos = this.posAt(offset);
        if (!node)
            return scalar(null, pos);
        if (depth > MAX_DEPTH)
            throw new AliasLimitError(`Nesting deeper than ${MAX_DEPTH} levels`);
        if ((0,dist/* isAlias */.Vj)(node))
            return this.alias(node, pos, depth);
        const tag = node.tag;
        const inner = this.untagged(node, pos, depth);
        const result = tag && !tag.startsWith('tag:yaml.org,2002:') ? this.tagged(tag, inner, this.tagPos(tag, offset, pos)) : inner;
        if (node.anchor)
            this.anchored.set(node, result);
        return result;
    }
    alias(node, pos, depth) {
        this.lastAliasPos = pos;
        const target = node.resolve(this.doc);
        if (!target)
            throw new AliasLimitError(`YAML alias *${node.source} refers to no anchor`);
        if (this.converting.has(target))
            throw new AliasLimitError(`YAML alias *${node.source} refers to itself`);
        const converted = this.anchored.get(target) ?? this.convert(target, depth);
        this.aliasBudget -= this.size(converted);
        if (this.aliasBudget < 0) {
            throw new AliasLimitError(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (maxAliasCount): refused as an alias bomb. Write the values out instead of using anchors and aliases.`);
        }
        return converted;
    }
    /** The expanded size of a node (aliases share nodes, so this counts what a reader of the values would see). */
    size(node) {
        const known = this.sizes.get(node);
        if (known !== undefined)
            return known;
        let n = 1;
        if (node.kind === 'map')
            for (const e of node.entries)
                n += this.size(e.value);
        else if (node.kind === 'seq')
            for (const item of node.items)
                n += this.size(item);
        this.sizes.set(node, n);
        return n;
    }
    untagged(node, pos, depth) {
        if ((0,dist/* isScalar */.jn)(node)) {
            const v = node.value;
            if (typeof v === 'string' && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
                return { kind: 'scalar', value: v, block: true, pos };
            }
            if (typeof v === 'string' || v === null || v === undefined)
                return scalar(v ?? null, pos);
            if (typeof v === 'number' || typeof v === 'boolean')
                return scalar(v, pos, node.source ?? String(v));
            return scalar(String(v), pos);
        }
        this.converting.add(node);
        try {
            if ((0,dist/* isSeq */.oP)(node))
                return { kind: 'seq', items: node.items.map((item) => this.convert(item, depth + 1)), pos };
            if ((0,dist/* isMap */.jh)(node)) {
                const entries = [];
                const seen = new Map();
                for (const pair of node.items) {
                    if (!(0,dist/* isPair */.tO)(pair))
                        continue;
                    const keyNode = pair.key;
                    const keyPos = keyNode?.range ? this.posAt(keyNode.range[0]) : pos;
                    const key = this.keyText(keyNode);
                    if (keyNode?.tag && !keyNode.tag.startsWith('tag:yaml.org,2002:')) {
                        this.problems.push({
                            code: 'syntax',
                            message: `'${keyNode.tag} ${key}:' is read as a mapping key: a ': ' or a trailing ':' inside an unquoted value makes YAML start a mapping. Quote the value.`,
                            pos: keyPos,
                        });
                    }
                    const value = this.convert(pair.value, depth + 1);
                    const previous = seen.get(key);
                    if (previous) {
                        this.problems.push({
                            code: 'duplicate-key',
                            message: `Duplicate key '${key}' (first at line ${previous.line})`,
                            pos: keyPos,
                        });
                        entries.splice(entries.findIndex((e) => e.key === key), 1);
                    }
                    seen.set(key, keyPos);
                    entries.push({ key, keyPos, value });
                }
                return mapNode(entries, pos);
            }
        }
        finally {
            this.converting.delete(node);
        }
        return scalar(null, pos);
    }
    /** A node's range starts after its tag (on the next line for block collections): the tag's own position. */
    tagPos(tag, offset, fallback) {
        const at = this.text.lastIndexOf(tag, offset);
        return at >= 0 && offset - at < 1000 ? this.posAt(at) : fallback;
    }
    keyText(key) {
        if (!key)
            return '';
        if ((0,dist/* isScalar */.jn)(key))
            return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
        return String(key);
    }
    tagged(tag, inner, pos) {
        const long = SHORT_FORM_TAGS.get(tag);
        if (long === undefined) {
            this.problems.push({ code: 'unknown-tag', message: `Unknown YAML tag '${tag}'`, pos });
            return inner;
        }
        let arg = inner;
        if (long === 'Fn::GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
            // `!GetAtt Resource.Attribute.Sub` → ['Resource', 'Attribute.Sub'], each with its own column.
            const dot = inner.value.indexOf('.');
            const name = dot < 0 ? inner.value : inner.value.slice(0, dot);
            const items = [scalar(name, inner.pos)];
            if (dot >= 0)
                items.push(scalar(inner.value.slice(dot + 1), { line: inner.pos.line, column: inner.pos.column + dot + 1 }));
            arg = { kind: 'seq', items, pos: inner.pos };
        }
        return mapNode([{ key: long, keyPos: pos, value: arg }], pos, tag);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 31 modules
var src = __webpack_require__(4156);
;// CONCATENATED MODULE: ./packages/cfn/src/template.ts




const PSEUDO_PARAMETERS = new Set([
    'AWS::AccountId',
    'AWS::NotificationARNs',
    'AWS::NoValue',
    'AWS::Partition',
    'AWS::Region',
    'AWS::StackId',
    'AWS::StackName',
    'AWS::URLSuffix',
]);
const TOP_LEVEL_SECTIONS = [
    'AWSTemplateFormatVersion',
    'Description',
    'Metadata',
    'Parameters',
    'Rules',
    'Mappings',
    'Conditions',
    'Transform',
    'Resources',
    'Outputs',
];
function readTemplate(path) {
    let body;
    try {
        body = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new UserError(`Template ${path} cannot be read (${error.code ?? String(error)}).`, {
            fix: 'check the path of the template.',
        });
    }
    return template_parseTemplate(body, { file: path });
}
/** Parses a template body (YAML or JSON) into the model every rule, and deploy-stack and quota-check, read. */
function template_parseTemplate(body, options = {}) {
    const parsed = parseText(body);
    const root = isMap(parsed.root) ? parsed.root : undefined;
    const template = {
        file: options.file,
        text: body,
        bytes: Buffer.byteLength(body, 'utf8'),
        format: parsed.format,
        root,
        problems: parsed.problems,
        parameters: new Map(),
        mappings: new Map(),
        conditions: new Map(),
        resources: new Map(),
        outputs: new Map(),
        transforms: [],
    };
    if (!root)
        return template;
    for (const e of entriesOf(root, 'Parameters'))
        template.parameters.set(e.key, parameterDef(e));
    for (const e of entriesOf(root, 'Mappings'))
        template.mappings.set(e.key, e);
    for (const e of entriesOf(root, 'Conditions'))
        template.conditions.set(e.key, e);
    for (const e of entriesOf(root, 'Resources'))
        template.resources.set(e.key, resourceDef(e));
    for (const e of entriesOf(root, 'Outputs')) {
        template.outputs.set(e.key, {
            name: e.key,
            pos: e.keyPos,
            node: e.value,
            value: section(e.value, 'Value'),
            condition: nameAt(section(e.value, 'Condition')),
        });
    }
    const transform = root.byKey.get('Transform');
    if (transform) {
        const v = transform.value;
        const items = v.kind === 'seq' ? v.items : [v];
        for (const item of items) {
            const name = text(item) ?? text(section(item, 'Name'));
            if (name)
                template.transforms.push({ name, pos: item.pos });
        }
    }
    return template;
}
function entriesOf(root, name) {
    const v = root.byKey.get(name)?.value;
    return v?.kind === 'map' ? v.entries : [];
}
function section(node, key) {
    return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}
function nameAt(node) {
    const name = text(node);
    return name !== undefined && node ? { name, pos: node.pos } : undefined;
}
function numberOf(node) {
    const t = text(node);
    if (t === undefined || t.trim() === '')
        return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
}
function parameterDef(e) {
    const n = e.value;
    const allowed = section(n, 'AllowedValues');
    const defaultNode = section(n, 'Default');
    return {
        name: e.key,
        pos: e.keyPos,
        node: n,
        type: text(section(n, 'Type')),
        default: defaultNode?.kind === 'seq' ? defaultNode.items.map((i) => text(i) ?? '').join(',') : text(defaultNode),
        defaultNode,
        allowedValues: allowed?.kind === 'seq' ? allowed.items.map((i) => text(i) ?? '') : undefined,
        allowedPattern: text(section(n, 'AllowedPattern')),
        minLength: numberOf(section(n, 'MinLength')),
        maxLength: numberOf(section(n, 'MaxLength')),
        minValue: numberOf(section(n, 'MinValue')),
        maxValue: numberOf(section(n, 'MaxValue')),
        noEcho: text(section(n, 'NoEcho')) === 'true',
    };
}
function resourceDef(e) {
    const n = e.value;
    const typeNode = section(n, 'Type');
    const depends = section(n, 'DependsOn');
    const dependsOn = [];
    for (const d of depends?.kind === 'seq' ? depends.items : depends ? [depends] : []) {
        const at = nameAt(d);
        if (at)
            dependsOn.push(at);
    }
    return {
        logicalId: e.key,
        pos: e.keyPos,
        node: n,
        type: text(typeNode),
        typeNode,
        properties: section(n, 'Properties'),
        dependsOn,
        condition: nameAt(section(n, 'Condition')),
    };
}
/** Parameter types whose Ref is a list. */
function isListParameterType(type) {
    if (!type)
        return false;
    return (type === 'CommaDelimitedList' ||
        type.startsWith('List<') ||
        /^AWS::SSM::Parameter::Value<List<|^AWS::SSM::Parameter::Value<CommaDelimitedList>/.test(type));
}
/**
 * Every Ref, GetAtt and Sub variable under `node`. Variables defined by a Sub's own variable map are not
 * references; `${!Literal}` is text.
 */
function collectReferences(node, path = []) {
    const out = [];
    const visit = (n, p, locals) => {
        const fn = nodes_intrinsic(n);
        if (fn) {
            const argPath = [...p, fn.name];
            if (fn.name === 'Ref') {
                const target = nodes_text(fn.arg);
                if (target !== undefined)
                    out.push({ kind: 'Ref', target, pos: fn.arg.pos, path: argPath });
                else
                    visit(fn.arg, argPath, locals);
                return;
            }
            if (fn.name === 'Fn::GetAtt') {
                const ref = getAttReference(fn.arg, argPath);
                if (ref)
                    out.push(ref);
                if (fn.arg.kind === 'seq')
                    fn.arg.items.slice(1).forEach((item, i) => visit(item, [...argPath, i + 1], locals));
                return;
            }
            if (fn.name === 'Fn::Sub') {
                const [body, vars] = fn.arg.kind === 'seq' ? [fn.arg.items[0], fn.arg.items[1]] : [fn.arg, undefined];
                const defined = new Set(locals);
                if (vars?.kind === 'map') {
                    for (const v of vars.entries) {
                        defined.add(v.key);
                        visit(v.value, [...argPath, 1, v.key], locals);
                    }
                }
                if (body?.kind === 'scalar' && typeof body.value === 'string') {
                    for (const v of subVariables(body.value)) {
                        if (defined.has(v.name))
                            continue;
                        const dot = v.name.indexOf('.');
                        const target = dot < 0 ? v.name : v.name.slice(0, dot);
                        if (defined.has(target))
                            continue;
                        out.push({
                            kind: 'Sub',
                            target,
                            ...(dot < 0 ? {} : { attribute: v.name.slice(dot + 1) }),
                            pos: positionInString(body, v.index),
                            path: argPath,
                        });
                    }
                }
                else if (body)
                    visit(body, argPath, locals);
                return;
            }
        }
        if (n.kind === 'map')
            for (const e of n.entries)
                visit(e.value, [...p, e.key], locals);
        else if (n.kind === 'seq')
            n.items.forEach((item, i) => visit(item, [...p, i], locals));
    };
    visit(node, path, new Set());
    return out;
}
function getAttReference(arg, path) {
    if (arg.kind === 'scalar') {
        // The long form with a dotted string: `"Fn::GetAtt": "Resource.Attribute"` is accepted by CloudFormation in YAML.
        const value = nodes_text(arg);
        if (!value)
            return undefined;
        const dot = value.indexOf('.');
        return dot < 0
            ? { kind: 'GetAtt', target: value, pos: arg.pos, path }
            : { kind: 'GetAtt', target: value.slice(0, dot), attribute: value.slice(dot + 1), pos: arg.pos, path };
    }
    if (arg.kind !== 'seq')
        return undefined;
    const [first, second] = arg.items;
    const target = nodes_text(first);
    if (target === undefined || !first)
        return undefined;
    const attribute = nodes_text(second);
    if (attribute !== undefined)
        return { kind: 'GetAtt', target, attribute, pos: first.pos, path };
    return { kind: 'GetAtt', target, dynamicAttribute: second !== undefined, pos: first.pos, path };
}
/** `${Name}` and `${Name.Attr}` variables of a Sub string, with their index; `${!Literal}` skipped. */
function subVariables(body) {
    const out = [];
    const re = /\$\{([^}]*)\}/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
        const name = (m[1] ?? '').trim();
        if (name.startsWith('!'))
            continue;
        out.push({ name, index: m.index });
    }
    return out;
}
/** The value each parameter will have: the one given (a parameters file, overrides), else its Default. */
function resolveParameterValues(template, given = {}) {
    const values = {};
    const missing = [];
    for (const p of template.parameters.values()) {
        const v = Object.hasOwn(given, p.name) ? given[p.name] : p.default;
        if (v === undefined)
            missing.push(p.name);
        else
            values[p.name] = v;
    }
    return { values, missing };
}
/** The plain value of a resource's properties (for callers that want data, not positions). */
function plainProperties(resource) {
    const plain = toPlain(resource.properties);
    return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? plain : {};
}

;// CONCATENATED MODULE: ./packages/cfn/src/parameters-file.ts





/** A parameters file that cannot be read: names the file, the line and what was expected. */
class ParametersFileError extends src/* UserError */.yo {
    name = 'ParametersFileError';
    file;
    pos;
    constructor(file, pos, message) {
        const where = [file ?? 'parameters', pos?.line, pos?.column].filter((x) => x !== undefined).join(':');
        super(`${where}: ${message}`, { fix: FORMATS_HELP, code: 'bad-parameters-file' });
        this.file = file;
        this.pos = pos;
    }
}
const FORMATS_HELP = 'write the parameters as {"Parameters": {"Key": "Value"}}, as [{"ParameterKey": "Key", "ParameterValue": "Value"}], or as ["Key=Value"] (JSON or YAML).';
/** Reads a parameters file in any of the three formats, JSON or YAML. Duplicate keys are refused with their line. */
function readParametersFile(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new ParametersFileError(path, undefined, `cannot be read (${error.code ?? String(error)})`);
    }
    return parseParametersFile(text, { path });
}
function parseParametersFile(text, options = {}) {
    const file = options.path;
    const parsed = parse_parseText(text);
    const problem = parsed.problems[0];
    if (problem)
        throw new ParametersFileError(file, problem.pos, problem.message);
    const root = parsed.root;
    const fail = (node, message) => {
        throw new ParametersFileError(file, node?.pos, message);
    };
    const base = { path: file, syntax: parsed.format, text };
    if (root?.kind === 'map') {
        const parameters = root.byKey.get('Parameters');
        if (!parameters)
            return fail(root, 'a mapping without a "Parameters" key');
        if (parameters.value.kind !== 'map')
            return fail(parameters.value, '"Parameters" must be a mapping of parameter name to value');
        const entries = parameters.value.entries.map((e) => ({
            key: e.key,
            value: valueText(e.value, fail, `the value of ${e.key}`),
            usePreviousValue: false,
            pos: e.keyPos,
            valuePos: e.value.pos,
        }));
        return finish({ ...base, format: 'codepipeline', entries, tags: tagsOf(root, fail) }, fail);
    }
    if (root?.kind === 'seq') {
        const first = root.items[0];
        if (first === undefined || first.kind === 'map') {
            const entries = root.items.map((item) => {
                if (item.kind !== 'map')
                    return fail(item, 'every item of the list must be {"ParameterKey": …, "ParameterValue": …}');
                const key = item.byKey.get('ParameterKey');
                const keyText = nodes_text(key?.value);
                if (!key || !keyText)
                    return fail(item, 'an item without a "ParameterKey"');
                const value = item.byKey.get('ParameterValue');
                const previous = item.byKey.get('UsePreviousValue');
                const usePreviousValue = previous !== undefined && nodes_text(previous.value) === 'true';
                return {
                    key: keyText,
                    value: value && !usePreviousValue ? valueText(value.value, fail, `the ParameterValue of ${keyText}`) : undefined,
                    usePreviousValue,
                    pos: key.value.pos,
                    valuePos: value?.value.pos ?? key.value.pos,
                };
            });
            return finish({ ...base, format: 'awscli', entries, tags: {} }, fail);
        }
        const entries = root.items.map((item) => {
            const line = item.kind === 'scalar' ? nodes_text(item) : undefined;
            const at = line?.indexOf('=') ?? -1;
            if (line === undefined || at <= 0)
                return fail(item, 'every item of the list must be a "Key=Value" string');
            return {
                key: line.slice(0, at).trim(),
                value: line.slice(at + 1),
                usePreviousValue: false,
                pos: item.pos,
                valuePos: { line: item.pos.line, column: item.pos.column + at + 1 },
            };
        });
        return finish({ ...base, format: 'key-value', entries, tags: {} }, fail);
    }
    return fail(root, 'not a parameters file');
}
function valueText(node, fail, what) {
    if (node.kind === 'scalar')
        return nodes_text(node) ?? '';
    // A YAML list for a CommaDelimitedList parameter is what the user means; CloudFormation wants the joined string.
    if (node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar'))
        return node.items.map((i) => nodes_text(i) ?? '').join(',');
    return fail(node, `${what} must be a string`);
}
function tagsOf(root, fail) {
    const tags = root.byKey.get('Tags')?.value;
    if (!tags)
        return {};
    if (tags.kind !== 'map')
        return fail(tags, '"Tags" must be a mapping of tag key to value');
    return Object.fromEntries(tags.entries.map((e) => [e.key, valueText(e.value, fail, `the tag ${e.key}`)]));
}
function finish(file, fail) {
    const seen = new Map();
    const values = {};
    const usePrevious = [];
    for (const e of file.entries) {
        const first = seen.get(e.key);
        if (first)
            fail({ kind: 'scalar', value: e.key, pos: e.pos }, `parameter '${e.key}' is given twice (first at line ${first.line})`);
        seen.set(e.key, e.pos);
        if (e.usePreviousValue)
            usePrevious.push(e.key);
        else if (e.value !== undefined)
            values[e.key] = e.value;
    }
    return { ...file, values, usePrevious };
}
/**
 * Sets (or adds) parameter values and returns the file's new text, in the format and syntax it was read in;
 * every other entry, the Tags, and (in YAML) comments are kept. An entry that said UsePreviousValue gets the value.
 */
function setParameterValues(file, updates) {
    if (file.syntax === 'yaml')
        return setInYaml(file, updates);
    const plain = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    const updated = applyUpdates(plain, file.format, updates);
    return JSON.stringify(updated, null, detectIndent(file.text)) + (file.text.endsWith('\n') ? '\n' : '');
}
function applyUpdates(plain, format, updates) {
    if (format === 'codepipeline') {
        const root = plain;
        for (const [k, v] of Object.entries(updates))
            root.Parameters[k] = v;
        return root;
    }
    const list = plain;
    for (const [k, v] of Object.entries(updates)) {
        if (format === 'awscli') {
            const item = list.find((i) => i['ParameterKey'] === k);
            if (item) {
                item['ParameterValue'] = v;
                delete item['UsePreviousValue'];
            }
            else
                list.push({ ParameterKey: k, ParameterValue: v });
        }
        else {
            const index = list.findIndex((i) => typeof i === 'string' && i.slice(0, i.indexOf('=')).trim() === k);
            if (index >= 0)
                list[index] = `${k}=${v}`;
            else
                list.push(`${k}=${v}`);
        }
    }
    return list;
}
function setInYaml(file, updates) {
    const doc = (0,dist/* parseDocument */.Tp)(file.text, { uniqueKeys: false });
    const contents = doc.contents;
    for (const [k, v] of Object.entries(updates)) {
        if (file.format === 'codepipeline') {
            doc.setIn(['Parameters', k], v);
        }
        else if ((0,dist/* isSeq */.oP)(contents)) {
            const index = contents.items.findIndex((item) => file.format === 'awscli'
                ? (0,dist/* isMap */.jh)(item) && String(item.get('ParameterKey')) === k
                : (0,dist/* isScalar */.jn)(item) && String(item.value).slice(0, String(item.value).indexOf('=')).trim() === k);
            if (file.format === 'awscli') {
                if (index >= 0) {
                    doc.setIn([index, 'ParameterValue'], v);
                    doc.deleteIn([index, 'UsePreviousValue']);
                }
                else
                    contents.add(doc.createNode({ ParameterKey: k, ParameterValue: v }));
            }
            else if (index >= 0)
                doc.setIn([index], `${k}=${v}`);
            else
                contents.add(doc.createNode(`${k}=${v}`));
        }
    }
    return doc.toString();
}
function detectIndent(text) {
    const m = /\n([ \t]+)\S/.exec(text);
    if (!m?.[1])
        return 2;
    return m[1].startsWith('\t') ? '\t' : m[1].length;
}
/**
 * Sets values in a parameters file on disk and returns what was written. A file that does not exist is created in
 * `createAs` (default: the CodePipeline object, JSON).
 */
function writeParameterValues(path, updates, options = {}) {
    const current = (0,external_node_fs_.existsSync)(path)
        ? readParametersFile(path)
        : parseParametersFile(emptyFile(options.createAs ?? 'codepipeline'), { path });
    const text = setParameterValues(current, updates);
    (0,external_node_fs_.writeFileSync)(path, text);
    return parseParametersFile(text, { path });
}
function emptyFile(format) {
    return format === 'codepipeline' ? '{\n  "Parameters": {}\n}\n' : '[]\n';
}
/**
 * `parameter-overrides`: `Key=Value` lines (a value may contain commas and `=`), a YAML/JSON mapping
 * (`Key: Value`; a list value is joined with commas, as a CommaDelimitedList wants), or any parameters-file format.
 */
function parseParameterOverrides(value, input = 'parameter-overrides') {
    const lines = value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length === 0)
        return {};
    if (lines.every((l) => /^[A-Za-z0-9]+=/.test(l))) {
        const out = {};
        for (const l of lines) {
            const at = l.indexOf('=');
            const key = l.slice(0, at);
            if (key in out)
                throw new InputError(input, l, `each parameter once (${key} is given twice)`);
            out[key] = l.slice(at + 1);
        }
        return out;
    }
    const parsed = parseText(value);
    const problem = parsed.problems[0];
    if (problem)
        throw new InputError(input, value, `Key=Value lines or a YAML/JSON mapping (line ${problem.pos.line}: ${problem.message})`);
    const root = parsed.root;
    if (root?.kind === 'map' && !root.byKey.has('Parameters')) {
        const out = {};
        for (const e of root.entries) {
            const fail = () => {
                throw new InputError(input, value, `a string (or a list of strings) for parameter ${e.key}`);
            };
            out[e.key] = valueText(e.value, fail, e.key);
        }
        return out;
    }
    try {
        return parseParametersFile(value).values;
    }
    catch (error) {
        if (error instanceof ParametersFileError) {
            throw new InputError(input, value, 'Key=Value lines, a YAML/JSON mapping of Key: Value, or a parameters-file list');
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/placeholders.ts
/**
 * Whether a value is a placeholder someone forgot to replace (`your-bucket-name-here`, `changeme`, `<account-id>`,
 * `xxx`, `TODO`, `REPLACE_ME`, `user@example.com`, the documentation's account 123456789012). Returns why, or
 * undefined for a value that looks real. Tuned against false positives: a word that merely contains "your" or
 * "example" is not a placeholder.
 */
function detectPlaceholder(value) {
    const v = value.trim();
    if (v === '')
        return undefined;
    const lower = v.toLowerCase();
    if (PLACEHOLDER_WORDS.has(lower.replace(/[\s_-]+/g, '')))
        return `'${v}' is a placeholder word`;
    if (/^your[-_ ]?[a-z0-9]/i.test(v) && (/^your[-_ ]/i.test(v) || /^your[A-Z]/.test(v)))
        return "it starts with 'your' (e.g. your-bucket-name)";
    if (/[-_ ]here$/i.test(v) || /^(insert|replace|put|enter|add)[-_ ].*/i.test(v))
        return 'it reads as an instruction to replace it';
    if (/<[A-Za-z][\w .:/-]+>/.test(v) || /^\{\{[^}]*\}\}$/.test(v))
        return 'it contains a <…> placeholder';
    if (/\bTODO\b|\bFIXME\b|\bTBD\b/.test(v) || /(^|[^a-z])(change|replace)[-_ ]?me([^a-z]|$)/i.test(v))
        return 'it contains TODO/REPLACE_ME/changeme';
    if (lower.split(/[^a-z0-9]+/).some((segment) => /^x{3,}$/.test(segment)))
        return "it contains 'xxx'";
    if (/(^|[@.])example\.(com|org|net)$/i.test(v) || /[/@.]example\.(com|org|net)([/:]|$)/i.test(v))
        return 'it uses the example.com documentation domain';
    if (/(^|\D)(123456789012|111122223333|000000000000)(\D|$)/.test(v))
        return 'it contains a documentation account id (123456789012)';
    if (/^(ami|sg|subnet|vpc|i|vol|igw|rtb|eni|snap)-(12345678|0?123456789abcdef0?|abcdef01?)$/i.test(v))
        return 'it is a documentation example id';
    return undefined;
}
const PLACEHOLDER_WORDS = new Set([
    'changeme',
    'replaceme',
    'todo',
    'tbd',
    'fixme',
    'placeholder',
    'xxx',
    'dummy',
    'foo',
    'foobar',
    'yourvalue',
    'yourvaluehere',
    'valuehere',
    'password',
]);

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/cfn/src/capabilities.ts




/** IAM resource types CloudFormation asks an acknowledgement for, and the property that names each one. */
const IAM_TYPES = {
    'AWS::IAM::AccessKey': undefined,
    'AWS::IAM::Group': 'GroupName',
    'AWS::IAM::GroupPolicy': undefined,
    'AWS::IAM::InstanceProfile': 'InstanceProfileName',
    'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
    'AWS::IAM::Policy': undefined,
    'AWS::IAM::Role': 'RoleName',
    'AWS::IAM::RolePolicy': undefined,
    'AWS::IAM::User': 'UserName',
    'AWS::IAM::UserPolicy': undefined,
    'AWS::IAM::UserToGroupAddition': undefined,
};
/** SAM resources that create an IAM role unless given one. */
const SAM_ROLE_PROPERTY = {
    'AWS::Serverless::Function': 'Role',
    'AWS::Serverless::StateMachine': 'Role',
};
const MAX_NESTING = 5;
/**
 * The capabilities a deploy of this template must acknowledge: CAPABILITY_IAM for IAM resources,
 * CAPABILITY_NAMED_IAM when one of them has a custom name, CAPABILITY_AUTO_EXPAND for transforms and macros.
 * Nested stacks whose TemplateURL is a local file (before `cloudformation package`) are read and included.
 */
function capabilities_requiredCapabilities(template, depth = 0) {
    const reasons = [];
    const add = (capability, why, pos) => reasons.push(template.file === undefined ? { capability, why, pos } : { capability, why, pos, file: template.file });
    for (const t of template.transforms)
        add('CAPABILITY_AUTO_EXPAND', `the template uses the transform ${t.name}`, t.pos);
    if (template.root) {
        walk(template.root, (node) => {
            const fn = intrinsic(node);
            if (fn?.name === 'Fn::Transform') {
                add('CAPABILITY_AUTO_EXPAND', `Fn::Transform calls the macro ${text(get(fn.arg, 'Name')) ?? ''}`.trim(), fn.keyPos);
            }
        });
    }
    for (const r of template.resources.values()) {
        const type = r.type ?? '';
        if (Object.hasOwn(IAM_TYPES, type)) {
            const nameProperty = IAM_TYPES[type];
            if (nameProperty && get(r.properties, nameProperty) !== undefined) {
                add('CAPABILITY_NAMED_IAM', `${r.logicalId} (${type}) has a custom name (${nameProperty})`, r.pos);
            }
            else {
                add('CAPABILITY_IAM', `${r.logicalId} is an IAM resource (${type})`, r.pos);
            }
        }
        else if (Object.hasOwn(SAM_ROLE_PROPERTY, type) &&
            get(r.properties, SAM_ROLE_PROPERTY[type]) === undefined) {
            add('CAPABILITY_IAM', `${r.logicalId} (${type}) creates an IAM role (it has no ${SAM_ROLE_PROPERTY[type]})`, r.pos);
        }
        else if (type === 'AWS::CloudFormation::Stack' && depth < MAX_NESTING) {
            const child = nestedTemplate(template, text(get(r.properties, 'TemplateURL')));
            if (child) {
                for (const reason of capabilities_requiredCapabilities(child, depth + 1).reasons) {
                    reasons.push({
                        ...reason,
                        why: `nested stack ${r.logicalId}: ${reason.why}`,
                        pos: r.pos,
                        ...(template.file ? { file: template.file } : {}),
                    });
                }
            }
        }
    }
    const found = new Set(reasons.map((r) => r.capability));
    const capabilities = [];
    if (found.has('CAPABILITY_NAMED_IAM'))
        capabilities.push('CAPABILITY_NAMED_IAM');
    else if (found.has('CAPABILITY_IAM'))
        capabilities.push('CAPABILITY_IAM');
    if (found.has('CAPABILITY_AUTO_EXPAND'))
        capabilities.push('CAPABILITY_AUTO_EXPAND');
    return { capabilities, reasons };
}
/** A nested stack's template when its TemplateURL is a local path next to the parent. */
function nestedTemplate(parent, url) {
    if (!url || !parent.file || /^[a-z]+:\/\//i.test(url))
        return undefined;
    const file = path.resolve(path.dirname(parent.file), url);
    if (!existsSync(file))
        return undefined;
    try {
        return parseTemplate(readFileSync(file, 'utf8'), { file });
    }
    catch {
        return undefined;
    }
}
/** The union of several templates' capabilities, in the order CloudFormation documents them. */
function mergeCapabilities(lists) {
    const all = new Set(lists.flat());
    const out = [];
    if (all.has('CAPABILITY_NAMED_IAM'))
        out.push('CAPABILITY_NAMED_IAM');
    else if (all.has('CAPABILITY_IAM'))
        out.push('CAPABILITY_IAM');
    if (all.has('CAPABILITY_AUTO_EXPAND'))
        out.push('CAPABILITY_AUTO_EXPAND');
    return out;
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/catalog.ts
/**
 * Every rule of the validator. H1 syntax and structure, H2 references, H3 resource data, H4 parameters and
 * parameter files, H5 limits and capabilities, H6 security and operations, H7 literal values CloudFormation
 * rejects, H9 CloudFormation's own ValidateTemplate. docs/actions/cfn-validate-rules.md lists them.
 */
const catalog_RULES = {
    H1001: { level: 'error', title: 'YAML or JSON syntax error' },
    H1002: { level: 'error', title: 'Duplicate mapping key' },
    H1003: { level: 'error', title: 'Unknown YAML tag (not a CloudFormation intrinsic function)' },
    H1004: { level: 'error', title: 'YAML aliases expand too far (alias bomb) or refer to nothing' },
    H1010: { level: 'error', title: 'The template is not a mapping or has no Resources' },
    H1011: { level: 'error', title: 'Unknown top-level section' },
    H1012: { level: 'error', title: 'A resource without a Type, or not a mapping' },
    H1013: { level: 'error', title: 'Unknown resource attribute (a key beside Type/Properties/…)' },
    H1014: { level: 'error', title: 'Malformed intrinsic function' },
    H1015: { level: 'error', title: 'Invalid logical id' },
    H1016: { level: 'error', title: 'An output without a Value' },
    H1017: { level: 'error', title: 'A section or entry of the wrong shape' },
    H2001: { level: 'error', title: 'Ref to an undefined parameter or resource' },
    H2002: { level: 'error', title: 'GetAtt of an undefined resource' },
    H2003: { level: 'error', title: 'Sub variable naming nothing' },
    H2004: { level: 'error', title: 'DependsOn an undefined resource' },
    H2005: { level: 'error', title: 'Undefined condition' },
    H2006: { level: 'error', title: 'FindInMap of an undefined mapping or key' },
    H2007: { level: 'error', title: 'Circular dependency between resources' },
    H2008: { level: 'warning', title: 'Unused parameter' },
    H2009: { level: 'error', title: 'Ref to a resource inside Conditions' },
    H3001: { level: 'error', title: 'Unknown resource type' },
    H3002: { level: 'error', title: 'Unknown property' },
    H3003: { level: 'error', title: 'Missing required property' },
    H3004: { level: 'error', title: 'Value of the wrong shape' },
    H3005: { level: 'error', title: 'GetAtt of an attribute the resource type does not have' },
    H4001: { level: 'error', title: 'Parameter Default not in AllowedValues' },
    H4002: { level: 'error', title: 'Parameter Default does not match AllowedPattern' },
    H4003: { level: 'error', title: 'Parameter Default outside MinLength/MaxLength' },
    H4004: { level: 'error', title: 'Parameter Default outside MinValue/MaxValue' },
    H4005: { level: 'error', title: 'Unknown parameter Type' },
    H4010: { level: 'error', title: 'Parameters file: a key the template does not declare' },
    H4011: { level: 'error', title: 'Parameters file: no value for a parameter without Default' },
    H4012: { level: 'info', title: 'Deferred parameter: a later step supplies it' },
    H4013: { level: 'error', title: 'Parameters file: placeholder value' },
    H4014: { level: 'error', title: 'Parameters file: value breaks the parameter constraints' },
    H5001: { level: 'warning', title: 'Template body over 51,200 bytes: needs an S3 upload' },
    H5002: { level: 'error', title: 'Template body over 1 MB' },
    H5003: { level: 'error', title: 'More than 500 resources' },
    H5004: { level: 'error', title: 'More than 200 parameters' },
    H5005: { level: 'error', title: 'More than 200 outputs' },
    H5010: { level: 'info', title: 'Capabilities the deploy must acknowledge' },
    H6001: { level: 'warning', title: 'SSH/RDP open to the internet' },
    H6002: { level: 'warning', title: 'IMDSv2 not required' },
    H6003: { level: 'warning', title: 'Unencrypted EBS volume' },
    H6004: { level: 'info', title: 'S3 bucket without an explicit encryption configuration' },
    H6005: { level: 'warning', title: 'S3 bucket open to the public' },
    H6006: { level: 'warning', title: 'IAM policy allows every action on every resource' },
    H7001: { level: 'error', title: 'Invalid S3 bucket name' },
    H7002: { level: 'error', title: 'Value outside the allowed values of the property' },
    H9001: { level: 'error', title: "CloudFormation's ValidateTemplate rejected the template" },
};
function isRuleId(id) {
    return Object.hasOwn(catalog_RULES, id);
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/suggest.ts
/**
 * "Did you mean": the candidate closest to `name`, or undefined when none is close enough.
 * A case-insensitive exact match wins; otherwise the smallest Damerau-Levenshtein distance (case-insensitive,
 * ties to the earlier candidate) within a cutoff that grows with the length of the last `::` segment of `name`
 * (`AWS::EC2::Instanse` is judged on `Instanse`, so a shared `AWS::EC2::` prefix does not make anything close).
 */
function suggest(name, candidates) {
    const wanted = name.toLowerCase();
    const separator = name.lastIndexOf('::');
    const segment = separator < 0 ? name : name.slice(separator + 2);
    const cutoff = Math.max(1, Math.floor(segment.length / 3));
    let best;
    let bestDistance = cutoff + 1;
    for (const candidate of candidates) {
        const lower = candidate.toLowerCase();
        if (lower === wanted)
            return candidate;
        if (Math.abs(lower.length - wanted.length) >= bestDistance)
            continue;
        const distance = editDistance(wanted, lower, bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions), giving up
 * with `limit` as soon as every alignment of the prefix costs at least that much.
 */
function editDistance(a, b, limit = Number.POSITIVE_INFINITY) {
    const width = b.length + 1;
    let beforePrevious = new Array(width).fill(0);
    let previous = Array.from({ length: width }, (_, j) => j);
    let current = new Array(width).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMinimum = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, beforePrevious[j - 2] + 1);
            }
            current[j] = value;
            if (value < rowMinimum)
                rowMinimum = value;
        }
        if (rowMinimum >= limit)
            return limit;
        [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/structure.ts



const RESOURCE_KEYS = [
    'Type',
    'Properties',
    'DependsOn',
    'Condition',
    'Metadata',
    'DeletionPolicy',
    'UpdateReplacePolicy',
    'CreationPolicy',
    'UpdatePolicy',
    'Version',
];
const OUTPUT_KEYS = ['Value', 'Description', 'Export', 'Condition'];
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
function didYouMean(name, candidates) {
    const s = suggest(name, candidates);
    return s ? ` Did you mean '${s}'?` : '';
}
/** H1010–H1017: the template's sections, resources and outputs have the shape CloudFormation requires. */
function checkStructure(context) {
    const { template, report } = context;
    const root = template.root;
    if (!root)
        return;
    const sam = template.transforms.some((t) => t.name.startsWith('AWS::Serverless'));
    const macros = template.transforms.some((t) => !t.name.startsWith('AWS::'));
    for (const e of root.entries) {
        if (!TOP_LEVEL_SECTIONS.includes(e.key) && !(sam && e.key === 'Globals')) {
            report('H1011', e.keyPos, `Unknown top-level section '${e.key}'.${didYouMean(e.key, TOP_LEVEL_SECTIONS)}`, `use one of ${TOP_LEVEL_SECTIONS.join(', ')}.`);
        }
    }
    for (const name of ['Parameters', 'Mappings', 'Conditions', 'Resources', 'Outputs', 'Metadata', 'Rules']) {
        const e = root.byKey.get(name);
        if (e && e.value.kind !== 'map')
            report('H1017', e.value.pos, `The ${name} section must be a mapping.`, `write ${name} as a mapping of logical ids to their definitions.`);
    }
    const resources = root.byKey.get('Resources');
    if (!resources) {
        report('H1010', { line: 1, column: 1 }, 'The template has no Resources section.', 'declare at least one resource under Resources.');
    }
    else if (resources.value.kind === 'map' && resources.value.entries.length === 0) {
        report('H1010', resources.keyPos, 'The Resources section is empty.', 'declare at least one resource under Resources.');
    }
    for (const r of template.resources.values()) {
        if (r.logicalId.startsWith('Fn::ForEach::'))
            continue;
        if (!LOGICAL_ID.test(r.logicalId)) {
            report('H1015', r.pos, `Logical id '${r.logicalId}' must be alphanumeric (A-Z, a-z, 0-9).`, 'rename the resource without hyphens, underscores or dots.');
        }
        if (r.node.kind !== 'map') {
            report('H1012', r.node.pos, `Resource ${r.logicalId} must be a mapping with a Type.`, 'give the resource a Type and its Properties.');
            continue;
        }
        if (r.type === undefined) {
            report('H1012', r.pos, `Resource ${r.logicalId} has no Type.`, 'add Type: AWS::<service>::<resource>.');
        }
        for (const e of r.node.entries) {
            // A macro reads attributes of its own (Count, ExplodeMap…) and removes them.
            if (!RESOURCE_KEYS.includes(e.key) && !macros) {
                report('H1013', e.keyPos, `Resource ${r.logicalId} has an unknown attribute '${e.key}'.${didYouMean(e.key, RESOURCE_KEYS)}`, 'properties go under Properties; other keys must be resource attributes.');
            }
        }
        const properties = r.properties;
        if (properties && properties.kind !== 'map' && !nodes_intrinsic(properties)) {
            report('H1017', properties.pos, `The Properties of ${r.logicalId} must be a mapping.`, 'write Properties as a mapping of property names to values.');
        }
    }
    for (const o of template.outputs.values()) {
        if (o.name.startsWith('Fn::ForEach::'))
            continue;
        if (!LOGICAL_ID.test(o.name)) {
            report('H1015', o.pos, `Output name '${o.name}' must be alphanumeric (A-Z, a-z, 0-9).`, 'rename the output.');
        }
        if (o.node.kind !== 'map') {
            report('H1017', o.node.pos, `Output ${o.name} must be a mapping with a Value.`, 'write the output as Value: … (and optionally Description, Export, Condition).');
            continue;
        }
        if (o.value === undefined)
            report('H1016', o.pos, `Output ${o.name} has no Value.`, 'add Value: to the output.');
        for (const e of o.node.entries) {
            if (!OUTPUT_KEYS.includes(e.key)) {
                report('H1017', e.keyPos, `Output ${o.name} has an unknown key '${e.key}'.${didYouMean(e.key, OUTPUT_KEYS)}`, `use ${OUTPUT_KEYS.join(', ')}.`);
            }
        }
    }
    for (const section of ['Resources', 'Outputs', 'Conditions']) {
        const node = root.byKey.get(section)?.value;
        if (node)
            checkIntrinsicShapes(node, context);
    }
}
/** Argument counts and kinds of intrinsic functions (only what is certain whatever nested functions return). */
function checkIntrinsicShapes(node, { report }) {
    nodes_walk(node, (n) => {
        const directive = rainDirective(n);
        if (directive) {
            report('H1003', n.pos, `'${directive}' is a directive of the rain CLI, not CloudFormation.`, 'run rain pkg to produce the template CloudFormation deploys, and validate that.');
            return false;
        }
        const fn = nodes_intrinsic(n);
        if (!fn)
            return true;
        const arg = fn.arg;
        const items = arg.kind === 'seq' ? arg.items : undefined;
        const nested = nodes_intrinsic(arg) !== undefined;
        const bad = (expected) => report('H1014', fn.keyPos, `${fn.name} expects ${expected}.`, `see the ${fn.name} reference in the CloudFormation user guide.`);
        switch (fn.name) {
            case 'Ref':
                if (arg.kind !== 'scalar' || nodes_text(arg) === undefined)
                    bad('the name of a parameter or resource');
                break;
            case 'Fn::GetAtt':
                if (arg.kind === 'scalar' ? !(nodes_text(arg) ?? '').includes('.') : !items || items.length !== 2) {
                    bad('[LogicalId, Attribute] (or LogicalId.Attribute in the short form)');
                }
                break;
            case 'Fn::Join':
                if (!items || items.length !== 2 || items[0]?.kind !== 'scalar')
                    bad('[delimiter, [values…]]');
                else if (items[1]?.kind === 'scalar' || (items[1]?.kind === 'map' && !nodes_intrinsic(items[1])))
                    bad('a list of values (or a function returning one) as its second item');
                break;
            case 'Fn::Select':
                if (!items || items.length !== 2)
                    bad('[index, list]');
                break;
            case 'Fn::Split':
                if (!items || items.length !== 2)
                    bad('[delimiter, string]');
                break;
            case 'Fn::FindInMap':
                if (!items || items.length < 3 || items.length > 4)
                    bad('[MapName, TopLevelKey, SecondLevelKey]');
                break;
            case 'Fn::If':
                if (!items || items.length !== 3 || nodes_text(items[0]) === undefined)
                    bad('[ConditionName, value if true, value if false]');
                break;
            case 'Fn::Equals':
                if (!items || items.length !== 2)
                    bad('two values to compare');
                break;
            case 'Fn::Not':
                if (!items || items.length !== 1)
                    bad('a list of exactly one condition');
                break;
            case 'Fn::And':
            case 'Fn::Or':
                if (!nested && (!items || items.length < 2 || items.length > 10))
                    bad('a list of 2 to 10 conditions');
                break;
            case 'Fn::Sub':
                if (arg.kind === 'map' && !nested)
                    bad('a string, or [string, {Variable: value}]');
                else if (items && (items.length !== 2 || items[0]?.kind !== 'scalar' || items[1]?.kind !== 'map'))
                    bad('a string, or [string, {Variable: value}]');
                break;
            case 'Fn::Cidr':
                if (!items || items.length !== 3)
                    bad('[ipBlock, count, cidrBits]');
                break;
        }
        return true;
    });
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/data.ts

/** The format scripts/build-cfn-spec.mjs writes; see its header. */
const RESOURCE_SPEC_FORMAT = 1;
// A file read rather than a JSON import: it is parsed only when a lookup first needs it, and ncc copies it next to
// dist/index.js as an asset (rewriting this URL to a path) instead of inlining 1.4 MB into the script.
const DATA_FILE = __webpack_require__.ab + "resource-spec.json";
function readResourceSpecData(file = DATA_FILE) {
    const data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    if (data.format !== RESOURCE_SPEC_FORMAT) {
        throw new Error(`${String(file)} has format ${String(data.format)}, this code reads ${RESOURCE_SPEC_FORMAT}: rebuild it with scripts/build-cfn-spec.mjs`);
    }
    return data;
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/decode.ts
const PRIMITIVES = {
    S: { kind: 'string' },
    I: { kind: 'integer' },
    N: { kind: 'number' },
    B: { kind: 'boolean' },
    J: { kind: 'json' },
    T: { kind: 'struct', name: 'Tag' },
};
/** The standard tag every `Tags: [{Key, Value}]` property takes (the spec's builtin `tag` type). */
const TAG_STRUCT = {
    name: 'Tag',
    properties: nullPrototype({
        Key: { name: 'Key', required: true, shape: { kind: 'string' }, causesReplacement: 'no' },
        // Required by most resource types, not all: not requiring it avoids false errors on the others.
        Value: { name: 'Value', required: false, shape: { kind: 'string' }, causesReplacement: 'no' },
    }),
};
class SpecDecoder {
    enums;
    enumShapes = new Map();
    constructor(enums) {
        this.enums = enums;
    }
    /** `Name=code,Name=code…` → property specs. */
    properties(encoded) {
        const properties = nullPrototype({});
        if (encoded === '')
            return properties;
        for (const entry of encoded.split(',')) {
            const [name, code] = splitOnce(entry, '=');
            properties[name] = this.property(name, code);
        }
        return properties;
    }
    /** `Name=shape,…` → shapes by name. */
    shapes(encoded) {
        const shapes = nullPrototype({});
        if (encoded === '')
            return shapes;
        for (const entry of encoded.split(',')) {
            const [name, code] = splitOnce(entry, '=');
            shapes[name] = this.shape(code);
        }
        return shapes;
    }
    /** `Struct:<properties>;Struct:<properties>…` → structs by name. */
    structs(encoded) {
        const structs = new Map();
        if (encoded === '')
            return structs;
        for (const entry of encoded.split(';')) {
            const [name, properties] = splitOnce(entry, ':');
            structs.set(name, { name, properties: this.properties(properties) });
        }
        return structs;
    }
    property(name, code) {
        let at = 0;
        let required = false;
        let causesReplacement = 'no';
        for (;; at++) {
            const flag = code[at];
            if (flag === '!')
                required = true;
            else if (flag === '^')
                causesReplacement = 'yes';
            else if (flag === '?')
                causesReplacement = 'maybe';
            else
                break;
        }
        return { name, required, shape: this.shape(code, at), causesReplacement };
    }
    shape(code, start = 0) {
        const reader = { code, at: start };
        const shape = this.read(reader);
        if (reader.at !== code.length)
            throw corrupt(code);
        return shape;
    }
    read(reader) {
        const { code } = reader;
        const head = code[reader.at++];
        switch (head) {
            case '[':
                return { kind: 'list', item: this.read(reader) };
            case '{':
                return { kind: 'map', item: this.read(reader) };
            case '@': {
                const name = readWhile(reader, NAME_CHARACTERS);
                if (name === '')
                    throw corrupt(code);
                return { kind: 'struct', name };
            }
            case '(': {
                const options = [this.read(reader)];
                while (code[reader.at] === '|') {
                    reader.at++;
                    options.push(this.read(reader));
                }
                if (code[reader.at++] !== ')')
                    throw corrupt(code);
                return { kind: 'union', options };
            }
            case 'S':
            case 'I':
                if (code[reader.at] === '#') {
                    reader.at++;
                    return this.enumShape(head, readWhile(reader, DIGITS));
                }
                return PRIMITIVES[head];
            default: {
                const primitive = head === undefined ? undefined : PRIMITIVES[head];
                if (!primitive)
                    throw corrupt(code);
                return primitive;
            }
        }
    }
    enumShape(kind, index) {
        const key = kind + index;
        let shape = this.enumShapes.get(key);
        if (!shape) {
            const values = index === '' ? undefined : this.enums[Number(index)];
            if (values === undefined)
                throw corrupt(key);
            const list = values.split('|');
            shape =
                kind === 'S' ? { kind: 'string', allowedValues: list } : { kind: 'integer', allowedValues: list.map(Number) };
            this.enumShapes.set(key, shape);
        }
        return shape;
    }
}
const NAME_CHARACTERS = /\w+/y;
const DIGITS = /\d+/y;
function readWhile(reader, pattern) {
    pattern.lastIndex = reader.at;
    const match = pattern.exec(reader.code);
    if (!match)
        return '';
    reader.at = pattern.lastIndex;
    return match[0];
}
function splitOnce(entry, separator) {
    const at = entry.indexOf(separator);
    if (at < 0)
        throw corrupt(entry);
    return [entry.slice(0, at), entry.slice(at + 1)];
}
function corrupt(code) {
    return new Error(`packages/cfn/data/resource-spec.json is corrupt near "${code}": rebuild it with scripts/build-cfn-spec.mjs`);
}
function nullPrototype(values) {
    return Object.assign(Object.create(null), values);
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/index.ts
// The CloudFormation resource data the validator checks templates against: resource types, their properties
// (required flag, shape, allowed values, replacement on update), property types (structs) and GetAtt attributes.
// Derived from @aws-cdk/aws-service-spec by scripts/build-cfn-spec.mjs; read once, lazily, on the first lookup.



// One per process on purpose: the data is immutable, and reading it again per template would cost the 20–40 ms
// that the cold-start budget of cfn-validate cannot spare.
let loaded;
/** What may follow an attribute prefix: one name (an output's logical id, a map key). */
const DYNAMIC_ATTRIBUTE_PART = /^[\w-]+$/;
function spec() {
    if (!loaded) {
        const data = readResourceSpecData();
        loaded = { data, decoder: new SpecDecoder(data.enums), resourceTypes: new Map(), structs: new Map() };
    }
    return loaded;
}
/** The encoded sections of a resource type: properties, attributes, structs. */
function sections(name) {
    const { resources } = spec().data;
    if (!Object.hasOwn(resources, name))
        return undefined;
    const [properties = '', attributes = '', structs = ''] = resources[name].split('/');
    return [properties, attributes, structs];
}
function decodedResourceType(name) {
    const { decoder, resourceTypes, data } = spec();
    const cached = resourceTypes.get(name);
    if (cached)
        return cached;
    const encoded = sections(name);
    if (!encoded)
        return undefined;
    const attributeShapes = decoder.shapes(encoded[1]);
    const attributes = [];
    const attributePrefixes = [];
    for (const attribute of Object.keys(attributeShapes)) {
        if (attribute.endsWith('.*'))
            attributePrefixes.push(attribute.slice(0, -1));
        else
            attributes.push(attribute);
    }
    const transform = Object.hasOwn(data.transforms, name) ? data.transforms[name] : undefined;
    const decoded = {
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
function resourceType(name) {
    return decodedResourceType(name)?.spec;
}
/**
 * The shape of what `!GetAtt <resource>.<attribute>` returns, or undefined when the resource type (or the
 * attribute) is unknown. Dotted names (`Endpoint.Address`) and prefixed ones (`Outputs.VpcId`) included.
 */
function attributeShape(resourceTypeName, attribute) {
    const decoded = decodedResourceType(resourceTypeName);
    if (!decoded)
        return undefined;
    const { spec: typeSpec, attributeShapes } = decoded;
    if (Object.hasOwn(attributeShapes, attribute) && !attribute.endsWith('.*'))
        return attributeShapes[attribute];
    const prefix = typeSpec.attributePrefixes.find((p) => attribute.startsWith(p) && DYNAMIC_ATTRIBUTE_PART.test(attribute.slice(p.length)));
    return prefix === undefined ? undefined : attributeShapes[`${prefix}*`];
}
/**
 * A property type (struct) of a resource type, named by a `{kind: 'struct'}` shape of that resource type;
 * undefined when either is unknown.
 */
function propertyType(resourceTypeName, typeName) {
    const { decoder, structs } = spec();
    let ofResource = structs.get(resourceTypeName);
    if (!ofResource) {
        const encoded = sections(resourceTypeName);
        if (!encoded)
            return undefined;
        ofResource = decoder.structs(encoded[2]);
        structs.set(resourceTypeName, ofResource);
    }
    return ofResource.get(typeName) ?? (typeName === TAG_STRUCT.name ? TAG_STRUCT : undefined);
}
/** Every resource type name the data knows, sorted. */
function allResourceTypeNames() {
    const loadedSpec = spec();
    loadedSpec.names ??= Object.keys(loadedSpec.data.resources);
    return loadedSpec.names;
}
/** Which release of @aws-cdk/aws-service-spec the data was built from. */
function resourceSpecSource() {
    return spec().data.source;
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/references.ts



function references_didYouMean(name, candidates) {
    const s = suggest(name, candidates);
    return s ? ` Did you mean '${s}'?` : '';
}
/** Types whose GetAtt attributes are not in the resource data (they come from the custom code or nested stack). */
function takesAnyAttribute(type) {
    return (type.startsWith('Custom::') ||
        type === 'AWS::CloudFormation::CustomResource' ||
        type.startsWith('AWS::Serverless::'));
}
/** H2001–H2009 and H3005: every name a template uses is declared; no circular dependencies. */
function checkReferences(context) {
    const { template, report, transformed } = context;
    const root = template.root;
    if (!root)
        return;
    const { parameters, resources, conditions } = template;
    const declared = [...parameters.keys(), ...resources.keys()];
    const resourceNames = [...resources.keys()];
    const edges = new Map();
    const used = new Set();
    const checkRef = (ref, inConditions, from) => {
        used.add(ref.target);
        if (PSEUDO_PARAMETERS.has(ref.target)) {
            if (ref.attribute !== undefined && ref.kind === 'Sub') {
                report('H2003', ref.pos, `\${${ref.target}.${ref.attribute}}: a pseudo parameter has no attributes.`, `write \${${ref.target}}.`);
            }
            return;
        }
        const resource = resources.get(ref.target);
        const isParameter = parameters.has(ref.target);
        if (inConditions && resource && ref.kind === 'Ref') {
            report('H2009', ref.pos, `Conditions can only Ref parameters; ${ref.target} is a resource.`, 'base the condition on a parameter.');
            return;
        }
        const needsResource = ref.kind === 'GetAtt' || (ref.kind === 'Sub' && ref.attribute !== undefined);
        if (resource && from !== undefined) {
            const list = edges.get(from) ?? [];
            list.push({ target: ref.target, pos: ref.pos });
            edges.set(from, list);
        }
        if (!resource && !(isParameter && !needsResource)) {
            // A transform (SAM, macros) adds resources of its own: a name it generates is not ours to judge.
            if (transformed)
                return;
            if (isParameter) {
                report(ref.kind === 'GetAtt' ? 'H2002' : 'H2003', ref.pos, `${ref.target} is a parameter; GetAtt needs a resource.`, `use Ref ${ref.target} (or \${${ref.target}}).`);
                return;
            }
            if (ref.kind === 'Ref') {
                report('H2001', ref.pos, `Ref ${ref.target}: no parameter or resource has that name.${references_didYouMean(ref.target, [...declared, ...PSEUDO_PARAMETERS])}`, 'declare it or correct the name.');
            }
            else if (ref.kind === 'GetAtt') {
                report('H2002', ref.pos, `GetAtt ${ref.target}: no resource has that name.${references_didYouMean(ref.target, resourceNames)}`, 'declare the resource or correct the name.');
            }
            else {
                const shown = ref.attribute === undefined ? ref.target : `${ref.target}.${ref.attribute}`;
                report('H2003', ref.pos, `Sub variable \${${shown}}: no parameter or resource is named ${ref.target}.${references_didYouMean(ref.target, [...declared, ...PSEUDO_PARAMETERS])}`, 'declare it, define it in the Sub variable map, or write ${!Literal} for literal text.');
            }
            return;
        }
        if (resource && needsResource && ref.attribute !== undefined && resource.type)
            checkAttribute(ref, resource.type);
    };
    const checkAttribute = (ref, type) => {
        const attribute = ref.attribute;
        if (takesAnyAttribute(type) || transformed)
            return;
        const spec = resourceType(type);
        if (!spec || attributeShape(type, attribute) !== undefined)
            return;
        report('H3005', ref.pos, `${type} has no attribute '${attribute}' (GetAtt ${ref.target}.${attribute}).${references_didYouMean(attribute, spec.attributes)}`, spec.attributes.length > 0
            ? `use one of: ${spec.attributes.join(', ')}.`
            : `${type} has no GetAtt attributes; use Ref ${ref.target}.`);
    };
    const checkConditionName = (name, pos) => {
        if (conditions.has(name))
            return;
        report('H2005', pos, `Condition '${name}' is not declared in Conditions.${references_didYouMean(name, conditions.keys())}`, 'declare the condition or correct its name.');
    };
    const checkFunctions = (node) => nodes_walk(node, (n) => {
        const fn = nodes_intrinsic(n);
        if (!fn)
            return;
        if (fn.name === 'Fn::If' && fn.arg.kind === 'seq') {
            const name = nodes_text(fn.arg.items[0]);
            if (name !== undefined && fn.arg.items[0])
                checkConditionName(name, fn.arg.items[0].pos);
        }
        else if (fn.name === 'Condition') {
            const name = nodes_text(fn.arg);
            if (name !== undefined)
                checkConditionName(name, fn.arg.pos);
        }
        else if (fn.name === 'Fn::FindInMap') {
            checkFindInMap(fn.arg, template, context);
        }
    });
    for (const r of resources.values()) {
        for (const ref of collectReferences(r.node))
            checkRef(ref, false, r.logicalId);
        for (const d of r.dependsOn) {
            if (resources.has(d.name)) {
                const list = edges.get(r.logicalId) ?? [];
                list.push({ target: d.name, pos: d.pos });
                edges.set(r.logicalId, list);
            }
            else if (!transformed) {
                report('H2004', d.pos, `${r.logicalId} DependsOn ${d.name}: no resource has that name.${references_didYouMean(d.name, resourceNames)}`, 'remove it or correct the name.');
            }
        }
        if (r.condition)
            checkConditionName(r.condition.name, r.condition.pos);
        checkFunctions(r.node);
    }
    for (const o of template.outputs.values()) {
        for (const ref of collectReferences(o.node))
            checkRef(ref, false, undefined);
        if (o.condition)
            checkConditionName(o.condition.name, o.condition.pos);
        checkFunctions(o.node);
    }
    for (const c of conditions.values()) {
        for (const ref of collectReferences(c.value))
            checkRef(ref, true, undefined);
        checkFunctions(c.value);
    }
    for (const name of ['Rules', 'Metadata']) {
        const section = root.byKey.get(name)?.value;
        if (section)
            for (const ref of collectReferences(section))
                used.add(ref.target);
    }
    reportCycles(edges, context);
    if (!transformed) {
        for (const p of parameters.values()) {
            if (!used.has(p.name))
                report('H2008', p.pos, `Parameter ${p.name} is declared but never used.`, 'remove it, or use it with Ref/Sub.');
        }
    }
}
function checkFindInMap(arg, template, { report }) {
    if (arg.kind !== 'seq' || arg.items.length !== 3)
        return;
    const [mapNode, firstNode, secondNode] = arg.items;
    const mapName = nodes_text(mapNode);
    if (mapName === undefined || !mapNode)
        return;
    const mapping = template.mappings.get(mapName);
    if (!mapping) {
        report('H2006', mapNode.pos, `FindInMap: no mapping is named '${mapName}'.${references_didYouMean(mapName, template.mappings.keys())}`, 'declare it under Mappings or correct the name.');
        return;
    }
    const body = mapping.value;
    if (body.kind !== 'map')
        return;
    const first = nodes_text(firstNode);
    const second = nodes_text(secondNode);
    if (first !== undefined && firstNode) {
        const level = body.byKey.get(first);
        if (!level) {
            report('H2006', firstNode.pos, `FindInMap: mapping ${mapName} has no key '${first}'.${references_didYouMean(first, body.byKey.keys())}`, `add '${first}' to mapping ${mapName} or correct the key.`);
            return;
        }
        if (second !== undefined && secondNode && level.value.kind === 'map' && !level.value.byKey.has(second)) {
            report('H2006', secondNode.pos, `FindInMap: ${mapName}.${first} has no key '${second}'.${references_didYouMean(second, level.value.byKey.keys())}`, `add '${second}' under ${mapName}.${first} or correct the key.`);
        }
    }
    else if (second !== undefined && secondNode) {
        // The first key is computed (e.g. the region): the second must exist under at least one first-level key.
        const anywhere = body.entries.some((e) => e.value.kind !== 'map' || e.value.byKey.has(second));
        if (!anywhere)
            report('H2006', secondNode.pos, `FindInMap: no entry of mapping ${mapName} has the key '${second}'.`, `add '${second}' to the entries of ${mapName} or correct the key.`);
    }
}
/** Strongly connected components (iterative Tarjan): each resource in a cycle is reported at its edge into it. */
function reportCycles(edges, { report }) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    let counter = 0;
    const components = [];
    for (const start of edges.keys()) {
        if (index.has(start))
            continue;
        const work = [{ node: start, next: 0 }];
        index.set(start, counter);
        low.set(start, counter++);
        stack.push(start);
        onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const out = edges.get(frame.node) ?? [];
            if (frame.next < out.length) {
                const target = out[frame.next++].target;
                if (!index.has(target)) {
                    index.set(target, counter);
                    low.set(target, counter++);
                    stack.push(target);
                    onStack.add(target);
                    work.push({ node: target, next: 0 });
                }
                else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
            if (low.get(frame.node) === index.get(frame.node)) {
                const component = [];
                let member;
                do {
                    member = stack.pop();
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                components.push(component);
            }
        }
    }
    for (const component of components) {
        const members = new Set(component);
        const selfLoop = component.length === 1 && (edges.get(component[0]) ?? []).some((e) => e.target === component[0]);
        if (component.length === 1 && !selfLoop)
            continue;
        for (const name of component) {
            const edge = (edges.get(name) ?? []).find((e) => members.has(e.target));
            if (!edge)
                continue;
            const others = component.filter((c) => c !== name);
            report('H2007', edge.pos, selfLoop
                ? `${name} refers to itself.`
                : `Circular dependency: ${name} depends on ${edge.target}, and ${others.join(', ')} depend${others.length === 1 ? 's' : ''} back on ${name}.`, 'break the cycle: remove a DependsOn, or move the reference into a separate resource (e.g. an ingress rule or an attachment).');
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/resource-spec.ts




/** Transforms whose output keeps the resources' properties as written (so property checks stay meaningful). */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen']);
/** H3001–H3004 and H7002: resource types, properties, required properties, shapes and allowed values. */
function checkResourceSpec(context) {
    const { template, report } = context;
    const macros = template.transforms.some((t) => !KNOWN_TRANSFORMS.has(t.name));
    for (const r of template.resources.values()) {
        const type = r.type;
        if (type === undefined || r.logicalId.startsWith('Fn::ForEach::') || takesAnyAttribute(type))
            continue;
        const spec = resourceType(type);
        if (!spec) {
            if (!/^(aws|alexa)::/i.test(type) || macros)
                continue;
            const s = suggest(type, allResourceTypeNames());
            report('H3001', r.typeNode?.pos ?? r.pos, `Resource type '${type}' does not exist.${s ? ` Did you mean '${s}'?` : ''}`, s ? `write Type: ${s}.` : 'check the type name in the CloudFormation resource reference.');
            continue;
        }
        if (macros || containsTransform(r.node))
            continue;
        const checker = new ShapeChecker(template, type, context);
        const props = r.properties;
        if (props === undefined) {
            const required = Object.values(spec.properties)
                .filter((p) => p.required)
                .map((p) => p.name);
            if (required.length > 0) {
                report('H3003', r.pos, `${r.logicalId} (${type}) is missing required ${plural(required)}: ${required.join(', ')}.`, `add Properties with ${required.join(', ')}.`);
            }
            continue;
        }
        checker.checkProperties(props, spec.properties, `${r.logicalId}`, r);
    }
}
function plural(names) {
    return names.length === 1 ? 'property' : 'properties';
}
function containsTransform(node) {
    let found = false;
    nodes_walk(node, (n) => {
        if (found)
            return false;
        if (n.kind === 'map' && n.byKey.has('Fn::Transform'))
            found = true;
        return !found;
    });
    return found;
}
class ShapeChecker {
    template;
    resourceTypeName;
    context;
    constructor(template, resourceTypeName, context) {
        this.template = template;
        this.resourceTypeName = resourceTypeName;
        this.context = context;
    }
    checkProperties(node, specs, where, resource) {
        const fn = nodes_intrinsic(node);
        if (fn) {
            if (fn.name === 'Fn::If' && fn.arg.kind === 'seq') {
                for (const branch of fn.arg.items.slice(1))
                    this.checkProperties(branch, specs, where, resource);
            }
            return;
        }
        if (node.kind !== 'map')
            return;
        const { report } = this.context;
        const names = Object.keys(specs);
        for (const e of node.entries) {
            const spec = specs[e.key];
            if (!spec) {
                const s = suggest(e.key, names);
                report('H3002', e.keyPos, `${where}: '${e.key}' is not a property of ${resource ? this.resourceTypeName : 'this structure'}.${s ? ` Did you mean '${s}'?` : ''}`, s ? `rename it to ${s}.` : `remove it; see the ${this.resourceTypeName} reference for its properties.`);
                continue;
            }
            this.checkValue(e.value, spec.shape, `${where}.${e.key}`);
        }
        const missing = Object.values(specs)
            .filter((p) => p.required && !node.byKey.has(p.name))
            .map((p) => p.name);
        if (missing.length > 0) {
            const pos = resource
                ? resource.node.kind === 'map'
                    ? (resource.node.byKey.get('Properties')?.keyPos ?? node.pos)
                    : node.pos
                : node.pos;
            report('H3003', pos, `${where} is missing required ${plural(missing)}: ${missing.join(', ')}.`, `add ${missing.join(', ')}.`);
        }
    }
    checkValue(node, shape, where) {
        const fn = nodes_intrinsic(node);
        if (fn?.name === 'Fn::If') {
            if (fn.arg.kind === 'seq')
                for (const branch of fn.arg.items.slice(1))
                    this.checkValue(branch, shape, where);
            return;
        }
        if (shape.kind === 'json' || shape.kind === 'any' || rainDirective(node))
            return;
        if (shape.kind === 'union') {
            if (shape.options.some((o) => this.accepts(node, o))) {
                const only = shape.options.filter((o) => this.accepts(node, o));
                if (only.length === 1 && only[0])
                    this.checkValue(node, only[0], where);
                return;
            }
            this.wrongShape(node, describeShape(shape), where);
            return;
        }
        if (fn) {
            const produced = this.produces(node);
            if (produced === 'absent' || produced === 'unknown')
                return;
            if (!compatible(produced, shape))
                this.wrongShape(node, describeShape(shape), where, produced);
            return;
        }
        switch (shape.kind) {
            case 'list':
                if (node.kind !== 'seq')
                    return this.wrongShape(node, describeShape(shape), where);
                node.items.forEach((item, i) => this.checkValue(item, shape.item, `${where}[${i}]`));
                return;
            case 'map':
                if (node.kind !== 'map')
                    return this.wrongShape(node, describeShape(shape), where);
                for (const e of node.entries)
                    this.checkValue(e.value, shape.item, `${where}.${e.key}`);
                return;
            case 'struct': {
                if (node.kind !== 'map')
                    return this.wrongShape(node, `a mapping (${shape.name})`, where);
                const struct = propertyType(this.resourceTypeName, shape.name);
                if (struct)
                    this.checkProperties(node, struct.properties, where);
                return;
            }
            default:
                this.checkScalar(node, shape, where);
        }
    }
    checkScalar(node, shape, where) {
        if (node.kind !== 'scalar')
            return this.wrongShape(node, describeShape(shape), where);
        const value = nodes_text(node);
        if (value === undefined)
            return;
        const { report } = this.context;
        if ((shape.kind === 'integer' && !/^[+-]?\d+$/.test(value.trim())) ||
            (shape.kind === 'number' && !Number.isFinite(Number(value)))) {
            report('H3004', node.pos, `${where}: '${value}' is not ${shape.kind === 'integer' ? 'an integer' : 'a number'}.`, `give ${where} a number.`);
            return;
        }
        if (shape.kind === 'boolean' && !/^(true|false)$/i.test(value)) {
            report('H3004', node.pos, `${where}: '${value}' is not a boolean.`, 'write true or false.');
            return;
        }
        if ((shape.kind === 'string' || shape.kind === 'integer') &&
            shape.allowedValues &&
            shape.allowedValues.length > 0) {
            const allowed = shape.allowedValues.map(String);
            if (!allowed.includes(value)) {
                const s = suggest(value, allowed);
                report('H7002', node.pos, `${where}: '${value}' is not an allowed value.${s ? ` Did you mean '${s}'?` : ''}`, `use one of: ${allowed.slice(0, 20).join(', ')}${allowed.length > 20 ? ', …' : ''}.`);
            }
        }
    }
    wrongShape(node, expected, where, produced) {
        const got = produced
            ? { list: 'a list', scalar: 'a single value', map: 'a mapping', unknown: 'a value', absent: 'nothing' }[produced]
            : node.kind === 'seq'
                ? 'a list'
                : node.kind === 'map'
                    ? 'a mapping'
                    : `the value '${nodes_text(node) ?? 'null'}'`;
        const fn = nodes_intrinsic(node);
        const how = fn ? ` (${fn.name === 'Ref' ? `Ref ${nodes_text(fn.arg) ?? ''}` : fn.name})` : '';
        const fix = expected.startsWith('a list') ? 'wrap the value in a list: [ value ].' : `give ${where} ${expected}.`;
        this.context.report('H3004', fn?.keyPos ?? node.pos, `${where} must be ${expected}, not ${got}${how}.`, fix);
    }
    accepts(node, shape) {
        if (shape.kind === 'json' || shape.kind === 'any')
            return true;
        if (shape.kind === 'union')
            return shape.options.some((o) => this.accepts(node, o));
        if (nodes_intrinsic(node)) {
            const produced = this.produces(node);
            return produced === 'unknown' || produced === 'absent' || compatible(produced, shape);
        }
        if (shape.kind === 'list')
            return node.kind === 'seq';
        if (shape.kind === 'map' || shape.kind === 'struct')
            return node.kind === 'map';
        return node.kind === 'scalar';
    }
    produces(node) {
        const fn = nodes_intrinsic(node);
        if (!fn)
            return node.kind === 'seq' ? 'list' : node.kind === 'map' ? 'map' : 'scalar';
        switch (fn.name) {
            case 'Ref': {
                const target = nodes_text(fn.arg);
                if (target === undefined)
                    return 'unknown';
                if (target === 'AWS::NoValue')
                    return 'absent';
                if (target === 'AWS::NotificationARNs')
                    return 'list';
                const parameter = this.template.parameters.get(target);
                if (parameter)
                    return isListParameterType(parameter.type) ? 'list' : parameter.type === undefined ? 'unknown' : 'scalar';
                return this.template.resources.has(target) ? 'scalar' : 'unknown';
            }
            case 'Fn::GetAtt': {
                const [resourceNode, attributeNode] = fn.arg.kind === 'seq' ? fn.arg.items : [];
                const type = this.template.resources.get(nodes_text(resourceNode) ?? '')?.type;
                const attribute = nodes_text(attributeNode);
                const shape = type && attribute !== undefined ? attributeShape(type, attribute) : undefined;
                if (!shape)
                    return 'unknown';
                return shape.kind === 'list'
                    ? 'list'
                    : shape.kind === 'json' || shape.kind === 'any' || shape.kind === 'union'
                        ? 'unknown'
                        : 'scalar';
            }
            case 'Fn::GetAZs':
            case 'Fn::Split':
            case 'Fn::Cidr':
                return 'list';
            case 'Fn::Join':
            case 'Fn::Sub':
            case 'Fn::Base64':
            case 'Fn::ToJsonString':
            case 'Fn::Length':
                return 'scalar';
            default:
                return 'unknown';
        }
    }
}
function compatible(produced, shape) {
    if (produced === 'unknown' || produced === 'absent')
        return true;
    switch (shape.kind) {
        case 'json':
        case 'any':
            return true;
        case 'union':
            return shape.options.some((o) => compatible(produced, o));
        case 'list':
            return produced === 'list';
        case 'map':
        case 'struct':
            return produced === 'map';
        default:
            return produced === 'scalar';
    }
}
function describeShape(shape) {
    switch (shape.kind) {
        case 'list':
            return `a list${shape.item.kind === 'struct' ? ` of ${shape.item.name}` : shape.item.kind === 'string' ? ' of strings' : ''}`;
        case 'map':
            return 'a mapping';
        case 'struct':
            return `a mapping (${shape.name})`;
        case 'union':
            return shape.options.map(describeShape).join(' or ');
        case 'integer':
            return 'an integer';
        case 'json':
        case 'any':
            return 'a value';
        default:
            return `a ${shape.kind}`;
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/parameters.ts


const AWS_PARAMETER_TYPES = new Set([
    'AWS::EC2::AvailabilityZone::Name',
    'AWS::EC2::Image::Id',
    'AWS::EC2::Instance::Id',
    'AWS::EC2::KeyPair::KeyName',
    'AWS::EC2::SecurityGroup::GroupName',
    'AWS::EC2::SecurityGroup::Id',
    'AWS::EC2::Subnet::Id',
    'AWS::EC2::Volume::Id',
    'AWS::EC2::VPC::Id',
    'AWS::Route53::HostedZone::Id',
    'AWS::SSM::Parameter::Name',
]);
function isValidParameterType(type) {
    if (type === 'String' ||
        type === 'Number' ||
        type === 'CommaDelimitedList' ||
        type === 'List<Number>' ||
        type === 'List<String>')
        return true;
    if (AWS_PARAMETER_TYPES.has(type))
        return true;
    const list = /^List<(.+)>$/.exec(type);
    if (list?.[1] && AWS_PARAMETER_TYPES.has(list[1]))
        return true;
    const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
    return ssm?.[1] !== undefined && isValidParameterType(ssm[1]);
}
/**
 * The constraints of a parameter (AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue) a value breaks;
 * list parameters are checked item by item.
 */
function parameterConstraintViolations(parameter, value) {
    const out = [];
    const isList = isListParameterType(parameter.type);
    const items = isList ? value.split(',').map((s) => s.trim()) : [value];
    const numeric = parameter.type === 'Number' || parameter.type === 'List<Number>';
    for (const item of items) {
        if (parameter.allowedValues && !parameter.allowedValues.includes(item)) {
            const caseOnly = parameter.allowedValues.find((a) => a.toLowerCase() === item.toLowerCase());
            out.push({
                rule: 'H4001',
                message: `is not one of the AllowedValues (${parameter.allowedValues.join(', ')})${caseOnly ? `; values are case-sensitive: '${caseOnly}'` : ''}`,
            });
        }
        if (parameter.allowedPattern !== undefined) {
            const pattern = compilePattern(parameter.allowedPattern);
            if (pattern && !pattern.test(item))
                out.push({ rule: 'H4002', message: `does not match AllowedPattern ${parameter.allowedPattern}` });
        }
        if (!numeric && !isList) {
            if (parameter.minLength !== undefined && item.length < parameter.minLength)
                out.push({ rule: 'H4003', message: `is shorter than MinLength ${parameter.minLength}` });
            if (parameter.maxLength !== undefined && item.length > parameter.maxLength)
                out.push({ rule: 'H4003', message: `is longer than MaxLength ${parameter.maxLength}` });
        }
        if (numeric) {
            const n = Number(item);
            if (item.trim() === '' || !Number.isFinite(n))
                out.push({ rule: 'H4004', message: 'is not a number (the parameter Type is Number)' });
            else {
                if (parameter.minValue !== undefined && n < parameter.minValue)
                    out.push({ rule: 'H4004', message: `is below MinValue ${parameter.minValue}` });
                if (parameter.maxValue !== undefined && n > parameter.maxValue)
                    out.push({ rule: 'H4004', message: `is above MaxValue ${parameter.maxValue}` });
            }
        }
    }
    return out;
}
const patterns = new Map();
/** CloudFormation matches AllowedPattern against the whole value (Java regex): anchored here. */
function compilePattern(pattern) {
    if (!patterns.has(pattern)) {
        try {
            patterns.set(pattern, new RegExp(`^(?:${pattern})$`, 'u'));
        }
        catch {
            try {
                patterns.set(pattern, new RegExp(`^(?:${pattern})$`));
            }
            catch {
                // A Java-only construct: not checkable here, CloudFormation will judge it.
                patterns.set(pattern, null);
            }
        }
    }
    return patterns.get(pattern) ?? undefined;
}
/** H4001–H4005 on the template's parameters; H4010–H4014 on the parameters file against them. */
function checkParameters(context) {
    const { template, report, options } = context;
    for (const p of template.parameters.values()) {
        if (p.node.kind !== 'map') {
            report('H1017', p.node.pos, `Parameter ${p.name} must be a mapping with a Type.`, 'write the parameter as Type: String (and its constraints).');
            continue;
        }
        if (p.type === undefined) {
            report('H4005', p.pos, `Parameter ${p.name} has no Type.`, 'add Type: String (or Number, CommaDelimitedList, an AWS-specific type).');
        }
        else if (!isValidParameterType(p.type)) {
            report('H4005', p.node.byKey.get('Type')?.value.pos ?? p.pos, `Parameter ${p.name} has an unknown Type '${p.type}'.`, 'use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::VPC::Id, …) or AWS::SSM::Parameter::Value<…>.');
        }
        if (p.default !== undefined && p.defaultNode) {
            for (const v of parameterConstraintViolations(p, p.default)) {
                report(v.rule, p.defaultNode.pos, `Parameter ${p.name}: the Default '${p.default}' ${v.message}.`, 'change the Default or the constraint so that they agree.');
            }
        }
    }
    const file = options.parameters;
    if (!file)
        return;
    const deferred = new Set(options.deferredParameters ?? []);
    const where = file.path;
    for (const e of file.entries) {
        const p = template.parameters.get(e.key);
        if (!p) {
            const names = [...template.parameters.keys()];
            const close = names.find((n) => n.toLowerCase() === e.key.toLowerCase());
            report('H4010', e.pos, `The parameters file sets '${e.key}', which the template does not declare.${close ? ` Did you mean '${close}'?` : ''}`, 'remove the key or correct its name: CloudFormation refuses unknown parameters.', where);
            continue;
        }
        if (e.value === undefined)
            continue;
        const shown = p.noEcho ? 'The value' : `The value '${e.value}'`;
        const placeholder = detectPlaceholder(e.value);
        if (placeholder) {
            report('H4013', e.valuePos, `${shown} of ${e.key} looks like a placeholder: ${placeholder}.`, `set the real value of ${e.key}${deferred.has(e.key) ? '' : ', or list it in deferred-parameters if a later step supplies it'}.`, where);
            continue;
        }
        for (const v of parameterConstraintViolations(p, e.value)) {
            report('H4014', e.valuePos, `${shown} of ${e.key} ${v.message}.`, `correct the value of ${e.key} in the parameters file.`, where);
        }
    }
    for (const p of template.parameters.values()) {
        if (p.default !== undefined || Object.hasOwn(file.values, p.name) || file.usePrevious.includes(p.name))
            continue;
        if (deferred.has(p.name)) {
            report('H4012', p.pos, `Parameter ${p.name} has no value in the parameters file: a later step supplies it (deferred-parameters).`);
        }
        else {
            report('H4011', p.pos, `Parameter ${p.name} has no Default and no value in the parameters file ${where ?? ''}.`.replace(' .', '.'), `add ${p.name} to the parameters file, give it a Default, or list it in deferred-parameters if a later step supplies it.`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/limits.ts
/** CloudFormation's quotas on a template (per the CloudFormation quotas page). */
const TEMPLATE_LIMITS = {
    /** The largest body CreateStack/CreateChangeSet accept inline (TemplateBody); above it, TemplateURL from S3. */
    inlineBodyBytes: 51_200,
    /** The largest template, through S3. */
    bodyBytes: 1_048_576,
    resources: 500,
    parameters: 200,
    outputs: 200,
};
/** Whether a template must be uploaded to S3 (TemplateURL) rather than passed inline. */
function needsS3Upload(bytes) {
    return bytes > TEMPLATE_LIMITS.inlineBodyBytes;
}
/** `51200` → `51,200` without Intl (loading ICU costs a cold start tens of milliseconds). */
function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
/** H5001–H5005: the template's size and counts against CloudFormation's quotas. */
function checkLimits({ template, report }) {
    const start = { line: 1, column: 1 };
    const size = thousands(template.bytes);
    if (template.bytes > TEMPLATE_LIMITS.bodyBytes) {
        report('H5002', start, `The template is ${size} bytes: over CloudFormation's 1 MB (1,048,576 bytes) limit, even through S3.`, 'split it into nested stacks, or shorten it (inline code and policies are the usual bulk).');
    }
    else if (needsS3Upload(template.bytes)) {
        report('H5001', start, `The template is ${size} bytes: over 51,200 bytes, it cannot be passed inline (TemplateBody) and must be uploaded to S3 (TemplateURL).`, "deploy-stack does it when its 'artifacts-bucket' input is set (a bucket name, or auto).");
    }
    const root = template.root;
    const checks = [
        ['Resources', template.resources.size, TEMPLATE_LIMITS.resources, 'H5003', 'resources'],
        ['Parameters', template.parameters.size, TEMPLATE_LIMITS.parameters, 'H5004', 'parameters'],
        ['Outputs', template.outputs.size, TEMPLATE_LIMITS.outputs, 'H5005', 'outputs'],
    ];
    for (const [section, count, limit, rule, noun] of checks) {
        if (count > limit) {
            report(rule, root?.byKey.get(section)?.keyPos ?? start, `The template declares ${count} ${noun}; CloudFormation allows ${limit}.`, `move some ${noun} into nested stacks.`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/security.ts

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS = [
    [22, 'SSH'],
    [3389, 'RDP'],
];
const IAM_POLICY_HOLDERS = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
const IAM_POLICIES = new Set([
    'AWS::IAM::Policy',
    'AWS::IAM::ManagedPolicy',
    'AWS::IAM::RolePolicy',
    'AWS::IAM::UserPolicy',
    'AWS::IAM::GroupPolicy',
]);
function items(node) {
    if (node === undefined)
        return [];
    return node.kind === 'seq' ? node.items : [node];
}
/** H6001–H6006: security and operations findings from the deployment guides, as warnings. */
function checkSecurity(context) {
    for (const r of context.template.resources.values()) {
        const props = r.properties;
        switch (r.type) {
            case 'AWS::EC2::SecurityGroup':
                for (const rule of items(nodes_get(props, 'SecurityGroupIngress')))
                    checkIngress(rule, r, context);
                break;
            case 'AWS::EC2::SecurityGroupIngress':
                if (props)
                    checkIngress(props, r, context);
                break;
            case 'AWS::EC2::LaunchTemplate': {
                const data = nodes_get(props, 'LaunchTemplateData');
                checkMetadataOptions(nodes_get(data, 'MetadataOptions'), r, context, 'LaunchTemplateData.MetadataOptions');
                checkBlockDevices(nodes_get(data, 'BlockDeviceMappings'), r, context);
                break;
            }
            case 'AWS::AutoScaling::LaunchConfiguration':
                checkMetadataOptions(nodes_get(props, 'MetadataOptions'), r, context, 'MetadataOptions');
                checkBlockDevices(nodes_get(props, 'BlockDeviceMappings'), r, context);
                break;
            case 'AWS::EC2::Instance':
                if (nodes_get(props, 'LaunchTemplate') === undefined) {
                    context.report('H6002', r.pos, `${r.logicalId} does not require IMDSv2: an instance without a launch template keeps IMDSv1 (unless the account default says otherwise).`, 'give the instance a LaunchTemplate whose LaunchTemplateData.MetadataOptions has HttpTokens: required.');
                }
                checkBlockDevices(nodes_get(props, 'BlockDeviceMappings'), r, context);
                break;
            case 'AWS::EC2::Volume':
                if (!isTrue(nodes_get(props, 'Encrypted'))) {
                    context.report('H6003', r.pos, `EBS volume ${r.logicalId} is not encrypted.`, 'set Encrypted: true (and KmsKeyId for a key of your own).');
                }
                break;
            case 'AWS::S3::Bucket':
                checkBucket(r, context);
                break;
            case 'AWS::S3::BucketPolicy':
                checkBucketPolicy(r, context);
                break;
            default:
                if (IAM_POLICIES.has(r.type ?? ''))
                    checkPolicyDocument(nodes_get(props, 'PolicyDocument'), r, context);
                else if (IAM_POLICY_HOLDERS.has(r.type ?? '')) {
                    for (const policy of items(nodes_get(props, 'Policies')))
                        checkPolicyDocument(nodes_get(policy, 'PolicyDocument'), r, context);
                }
        }
    }
}
/** A literal value, or the value a Ref'd parameter will have (parameters file, else Default). */
function resolved(node, { template, options }) {
    const fn = nodes_intrinsic(node);
    if (fn?.name === 'Ref') {
        const name = nodes_text(fn.arg) ?? '';
        const fromFile = options.parameters?.values[name];
        return fromFile ?? template.parameters.get(name)?.default;
    }
    return fn ? undefined : nodes_text(node);
}
function isTrue(node) {
    return nodes_text(node)?.toLowerCase() === 'true';
}
function checkIngress(rule, r, context) {
    const cidr = resolved(nodes_get(rule, 'CidrIp'), context) ?? resolved(nodes_get(rule, 'CidrIpv6'), context);
    if (cidr === undefined || !WORLD.has(cidr))
        return;
    const protocol = (resolved(nodes_get(rule, 'IpProtocol'), context) ?? '').toLowerCase();
    const allPorts = protocol === '-1' || protocol === 'all';
    if (!allPorts && protocol !== 'tcp' && protocol !== '6')
        return;
    const from = Number(resolved(nodes_get(rule, 'FromPort'), context));
    const to = Number(resolved(nodes_get(rule, 'ToPort'), context) ?? from);
    for (const [port, name] of ADMIN_PORTS) {
        const open = allPorts || from === -1 || (Number.isFinite(from) && from <= port && port <= (Number.isFinite(to) ? to : from));
        if (!open)
            continue;
        context.report('H6001', rule.pos, `${r.logicalId} opens ${name} (port ${port}) to the whole internet (${cidr}).`, 'allow only your own address range, or use Session Manager (no inbound port at all).');
        return;
    }
}
function checkMetadataOptions(options, r, context, where) {
    const tokens = nodes_get(options, 'HttpTokens');
    if (nodes_intrinsic(tokens))
        return;
    if (nodes_text(tokens) === 'required')
        return;
    context.report('H6002', tokens?.pos ?? options?.pos ?? r.pos, `${r.logicalId} does not require IMDSv2 (${where}.HttpTokens is ${nodes_text(tokens) ?? 'not set'}): IMDSv1 stays open to SSRF credential theft.`, `set ${where}.HttpTokens: required.`);
}
function checkBlockDevices(mappings, r, context) {
    for (const m of items(mappings)) {
        const ebs = nodes_get(m, 'Ebs');
        if (!ebs || nodes_intrinsic(ebs) || nodes_intrinsic(nodes_get(ebs, 'Encrypted')))
            continue;
        if (isTrue(nodes_get(ebs, 'Encrypted')) || nodes_get(ebs, 'SnapshotId') !== undefined)
            continue;
        context.report('H6003', ebs.pos, `${r.logicalId} has an unencrypted EBS volume (${nodes_text(nodes_get(m, 'DeviceName')) ?? 'block device'}) unless EBS encryption by default is on in the account.`, 'set Ebs.Encrypted: true.');
    }
}
function checkBucket(r, context) {
    const props = r.properties;
    if (nodes_get(props, 'BucketEncryption') === undefined) {
        // Since January 2023 S3 encrypts every new object with SSE-S3 by default: information, not a warning.
        context.report('H6004', r.pos, `Bucket ${r.logicalId} has no BucketEncryption: S3 applies SSE-S3 by default, but not a KMS key you control.`, 'add BucketEncryption (SSE-KMS) if you need key control or audit of decryption.');
    }
    const acl = nodes_text(nodes_get(props, 'AccessControl'));
    if (acl === 'PublicRead' || acl === 'PublicReadWrite') {
        context.report('H6005', nodes_get(props, 'AccessControl')?.pos ?? r.pos, `Bucket ${r.logicalId} grants ${acl} to everyone.`, 'remove AccessControl; serve public content through CloudFront with origin access control.');
    }
    const block = nodes_get(props, 'PublicAccessBlockConfiguration');
    if (block?.kind === 'map') {
        const off = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].filter((k) => nodes_text(nodes_get(block, k))?.toLowerCase() === 'false');
        if (off.length > 0) {
            context.report('H6005', block.pos, `Bucket ${r.logicalId} turns off public access blocking (${off.join(', ')} false).`, 'set all four PublicAccessBlockConfiguration settings to true unless the bucket must be public.');
        }
    }
}
function checkBucketPolicy(r, context) {
    for (const statement of items(nodes_get(nodes_get(r.properties, 'PolicyDocument'), 'Statement'))) {
        if (nodes_text(nodes_get(statement, 'Effect')) !== 'Allow' || nodes_get(statement, 'Condition') !== undefined)
            continue;
        const principal = nodes_get(statement, 'Principal');
        const everyone = nodes_text(principal) === '*' || items(nodes_get(principal, 'AWS')).some((p) => nodes_text(p) === '*');
        if (everyone) {
            context.report('H6005', statement.pos, `Bucket policy ${r.logicalId} allows everyone (Principal "*") without a Condition.`, 'narrow the Principal, or add a Condition (e.g. aws:SourceArn of a CloudFront distribution).');
        }
    }
}
function checkPolicyDocument(document, r, context) {
    for (const statement of items(nodes_get(document, 'Statement'))) {
        if (nodes_text(nodes_get(statement, 'Effect')) !== 'Allow')
            continue;
        const star = (key) => items(nodes_get(statement, key)).some((n) => nodes_text(n) === '*');
        if (star('Action') && star('Resource')) {
            context.report('H6006', nodes_get(statement, 'Action')?.pos ?? statement.pos, `${r.logicalId} allows every action ("*") on every resource ("*"): administrator access.`, 'list the actions the workload calls and the resources it calls them on.');
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/literals.ts


/**
 * Why a name is not a valid S3 bucket name (general purpose buckets), or undefined when it is valid: 3–63
 * characters; lowercase letters, digits, hyphens and dots; starts and ends with a letter or digit; no `..`; not an
 * IP address; no `xn--`/`sthree-` prefix; no `-s3alias`/`--ol-s3`/`.mrap`/`--x-s3` suffix.
 */
function bucketNameProblem(name) {
    if (name.length < 3 || name.length > 63)
        return `it is ${name.length} characters long (3 to 63 allowed)`;
    if (/[A-Z]/.test(name))
        return 'it has uppercase letters (only lowercase allowed)';
    if (name.includes('_'))
        return "it has an underscore '_' (use hyphens)";
    if (!/^[a-z0-9.-]+$/.test(name))
        return 'it has characters other than lowercase letters, digits, hyphens and dots';
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
        return 'it must start and end with a letter or digit';
    if (name.includes('..'))
        return "it has two adjacent dots '..'";
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
        return 'it is formatted as an IP address';
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name))
        return 'it starts with a reserved prefix (xn--, sthree-, amzn-s3-demo-)';
    if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name))
        return 'it ends with a reserved suffix (-s3alias, --ol-s3, .mrap, --x-s3)';
    return undefined;
}
/** The literal text of a Sub template with its variables removed: what CloudFormation keeps as written. */
function literalParts(body) {
    let out = '';
    let last = 0;
    for (const v of subVariables(body)) {
        out += body.slice(last, v.index);
        last = body.indexOf('}', v.index) + 1;
    }
    return out + body.slice(last);
}
/** H7001: S3 bucket names CloudFormation would reject, literal, partly literal (Sub), or from a parameter value. */
function checkLiterals(context) {
    const { template, report, options } = context;
    const fix = 'use 3–63 lowercase letters, digits and hyphens (e.g. my-app-artifacts-prod).';
    for (const r of template.resources.values()) {
        if (r.type !== 'AWS::S3::Bucket')
            continue;
        const node = nodes_get(r.properties, 'BucketName');
        if (!node)
            continue;
        const fn = nodes_intrinsic(node);
        if (!fn) {
            const name = nodes_text(node);
            const problem = name === undefined ? undefined : bucketNameProblem(name);
            if (problem)
                report('H7001', node.pos, `BucketName '${name}' of ${r.logicalId} is not a valid S3 bucket name: ${problem}.`, fix);
            continue;
        }
        if (fn.name === 'Fn::Sub') {
            const body = fn.arg.kind === 'seq' ? nodes_text(fn.arg.items[0]) : nodes_text(fn.arg);
            const literal = body === undefined ? '' : literalParts(body);
            const bad = /[A-Z_]/.exec(literal);
            if (bad) {
                report('H7001', node.pos, `BucketName of ${r.logicalId} contains '${bad[0]}' in its literal text (${body}): S3 bucket names are lowercase, without '_'.`, fix);
            }
            continue;
        }
        if (fn.name === 'Ref') {
            const parameterName = nodes_text(fn.arg) ?? '';
            const parameter = template.parameters.get(parameterName);
            if (!parameter)
                continue;
            const entry = options.parameters?.entries.find((e) => e.key === parameterName && e.value !== undefined);
            const value = entry?.value ?? parameter.default;
            if (value === undefined || value === '')
                continue;
            const problem = bucketNameProblem(value);
            if (!problem)
                continue;
            const message = `Parameter ${parameterName} ('${value}') names bucket ${r.logicalId} but is not a valid S3 bucket name: ${problem}.`;
            if (entry)
                report('H7001', entry.valuePos, message, fix, options.parameters?.path);
            else
                report('H7001', parameter.defaultNode?.pos ?? parameter.pos, message, fix);
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/validate.ts









const CHECKERS = [
    checkStructure,
    checkReferences,
    checkResourceSpec,
    checkParameters,
    checkLimits,
    checkSecurity,
    checkLiterals,
];
/** Runs every rule over a parsed template; findings sorted by file, line, column. */
function validateTemplate(template, options = {}) {
    const ignored = new Set(options.ignore ?? []);
    const findings = [];
    const report = (rule, pos, message, fix, file) => {
        if (ignored.has(rule))
            return;
        const f = { rule, level: RULES[rule].level, message, line: pos.line, column: pos.column };
        if (fix !== undefined)
            f.fix = fix;
        const where = file ?? template.file;
        if (where !== undefined)
            f.file = where;
        findings.push(f);
    };
    for (const problem of template.problems) {
        const rule = { syntax: 'H1001', 'duplicate-key': 'H1002', 'unknown-tag': 'H1003', 'alias-limit': 'H1004' }[problem.code];
        report(rule, problem.pos, problem.message, problem.fix ?? PARSE_FIXES[rule]);
    }
    let capabilities = [];
    if (template.root) {
        const context = { template, options, transformed: isTransformed(template), report };
        for (const check of CHECKERS)
            check(context);
        const required = requiredCapabilities(template);
        capabilities = required.capabilities;
        for (const reason of required.reasons) {
            report('H5010', reason.pos, `Deploying needs ${reason.capability}: ${reason.why}.`, `pass capabilities: ${reason.capability} to the deploy (deploy-stack infers it).`);
        }
    }
    else if (template.problems.length === 0) {
        report('H1010', { line: 1, column: 1 }, 'The template is not a YAML/JSON mapping.', 'a template is a mapping with at least a Resources section.');
    }
    // Plain comparisons: localeCompare loads ICU, a cost every cold start would pay.
    const order = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    findings.sort((a, b) => order(a.file ?? '', b.file ?? '') || a.line - b.line || a.column - b.column || order(a.rule, b.rule));
    return { template, findings, capabilities };
}
const PARSE_FIXES = {
    H1001: 'correct the syntax at this position (YAML indents with spaces, never tabs).',
    H1002: 'keep one of the two keys: CloudFormation silently uses only one of them.',
    H1003: 'use a CloudFormation intrinsic function (!Ref, !Sub, !GetAtt, …) or preprocess the template (e.g. rain pkg) before validating.',
    H1004: 'write the values out instead of anchors and aliases.',
};
function isTransformed(template) {
    return template.transforms.length > 0 || /"?Fn::Transform"?\s*:|!Transform\b/.test(template.text);
}

;// CONCATENATED MODULE: ./packages/cfn/src/index.ts














/***/ })

};
