// Reads Terraform modules as data: every .tf file of a directory parsed with @cdktf/hcl2json and merged
// into one document, plus small accessors for what the tests look at (variables, resources, modules,
// outputs, IAM policy documents). Expressions stay strings such as "${var.name_prefix}-audit".
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';

/** Attributes of one block, as hcl2json gives them (nested blocks are arrays of objects). */
export type Block = Record<string, unknown>;

/** One module directory, every .tf file merged. Block kinds keyed by type then name, as in HCL JSON. */
export interface TfModule {
  dir: string;
  files: string[];
  variable: Record<string, Block>;
  output: Record<string, Block>;
  locals: Record<string, unknown>;
  module: Record<string, Block>;
  resource: Record<string, Record<string, Block>>;
  data: Record<string, Record<string, Block>>;
  terraform: Block[];
  provider: Record<string, Block[]>;
}

export interface Variable {
  name: string;
  type?: string;
  description?: string;
  default?: unknown;
  hasDefault: boolean;
  validations: { condition: string; error_message: string }[];
}

export interface ResourceRef {
  type: string;
  name: string;
  body: Block;
}

export interface PolicyCondition {
  test: string;
  variable: string;
  /** Literal values, or the expression that computes them. */
  values: string[] | string;
}

export interface PolicyStatement {
  /** `<module dir>:data.aws_iam_policy_document.<name>` plus the sid, for messages. */
  where: string;
  document: string;
  sid?: string;
  effect: string;
  /** Literal actions; an expression (string) is reported by the tests, never guessed. */
  actions: string[] | string;
  resources: string[] | string | undefined;
  notActions?: unknown;
  notResources?: unknown;
  conditions: PolicyCondition[];
  /** A trust or resource policy statement (it names principals instead of resources). */
  hasPrincipals: boolean;
  /** Declared in a `dynamic "statement"` block: present only when its for_each is not empty. */
  dynamic: boolean;
  forEach?: string;
}

export interface PolicyDocument {
  module: TfModule;
  name: string;
  body: Block;
  statements: PolicyStatement[];
}

/** The terraform/ directory of this repository. */
export const TERRAFORM_ROOT = resolve(__dirname, '..', '..');

const cache = new Map<string, Promise<TfModule>>();

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses one HCL file (a .tf file or a .tfvars file) into its JSON form. */
export async function parseHclFile(file: string): Promise<Record<string, unknown>> {
  const contents = await readFile(file, 'utf8');
  try {
    return (await parse(file, contents)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot parse ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Loads every .tf file of `dir` (not its subdirectories) into one merged module. Cached per directory. */
export function loadModule(dir: string): Promise<TfModule> {
  const key = resolve(dir);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = readModule(key);
    cache.set(key, loaded);
  }
  return loaded;
}

async function readModule(dir: string): Promise<TfModule> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.tf')).sort();
  const module: TfModule = {
    dir,
    files,
    variable: {},
    output: {},
    locals: {},
    module: {},
    resource: {},
    data: {},
    terraform: [],
    provider: {},
  };
  for (const file of files) {
    const json = await parseHclFile(join(dir, file));
    for (const [name, blocks] of Object.entries(asRecord(json.variable)))
      module.variable[name] = first(blocks);
    for (const [name, blocks] of Object.entries(asRecord(json.output))) module.output[name] = first(blocks);
    for (const [name, blocks] of Object.entries(asRecord(json.module))) module.module[name] = first(blocks);
    for (const locals of asArray(json.locals as Block[] | undefined)) Object.assign(module.locals, locals);
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, named] of Object.entries(asRecord(json[kind]))) {
        module[kind][type] ??= {};
        for (const [name, blocks] of Object.entries(asRecord(named))) {
          const target = module[kind][type];
          if (target) target[name] = first(blocks);
        }
      }
    }
    module.terraform.push(...asArray(json.terraform as Block[] | undefined));
    for (const [name, blocks] of Object.entries(asRecord(json.provider))) {
      module.provider[name] = [...(module.provider[name] ?? []), ...asArray(blocks as Block[])];
    }
  }
  return module;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function first(blocks: unknown): Block {
  const block = asArray(blocks as Block | Block[])[0];
  return isRecord(block) ? block : {};
}

/** The root module directory and every directory under terraform/modules/, root first. */
export async function moduleDirs(root: string = TERRAFORM_ROOT): Promise<string[]> {
  const modulesDir = join(root, 'modules');
  const entries = await readdir(modulesDir, { withFileTypes: true });
  return [
    root,
    ...entries
      .filter((e) => e.isDirectory())
      .map((e) => join(modulesDir, e.name))
      .sort(),
  ];
}

/** Every module of the tree (root included), loaded. */
export async function loadAllModules(root: string = TERRAFORM_ROOT): Promise<TfModule[]> {
  return Promise.all((await moduleDirs(root)).map((dir) => loadModule(dir)));
}

/** A short name for messages: "root" or "modules/<name>". */
export function moduleLabel(module: TfModule, root: string = TERRAFORM_ROOT): string {
  const relative = module.dir.slice(resolve(root).length).replace(/^[\\/]/, '');
  return relative === '' ? 'root' : relative;
}

export function variables(module: TfModule): Variable[] {
  return Object.entries(module.variable).map(([name, body]) => ({
    name,
    type: typeof body.type === 'string' ? body.type : undefined,
    description: typeof body.description === 'string' ? body.description : undefined,
    default: body.default,
    hasDefault: 'default' in body,
    validations: asArray(body.validation as Variable['validations'] | undefined),
  }));
}

export function resources(module: TfModule, type?: string): ResourceRef[] {
  return Object.entries(module.resource)
    .filter(([t]) => type === undefined || t === type)
    .flatMap(([t, named]) => Object.entries(named).map(([name, body]) => ({ type: t, name, body })));
}

export function resource(module: TfModule, type: string, name: string): Block {
  const body = module.resource[type]?.[name];
  if (!body) throw new Error(`${moduleLabel(module)} has no resource ${type}.${name}`);
  return body;
}

/** The first nested block `name` of a block (hcl2json makes every nested block a list). */
export function nested(block: Block, name: string): Block {
  const inner = asArray(block[name] as Block | Block[] | undefined)[0];
  if (!isRecord(inner)) throw new Error(`block has no nested "${name}" block`);
  return inner;
}

/** Every nested block `name` of a block. */
export function nestedAll(block: Block, name: string): Block[] {
  return asArray(block[name] as Block | Block[] | undefined).filter(isRecord);
}

/** The directory a local module call points at, or undefined for registry/remote sources. */
export function moduleSourceDir(caller: TfModule, call: Block): string | undefined {
  const source = call.source;
  if (typeof source !== 'string' || !/^\.\.?\//.test(source)) return undefined;
  return resolve(caller.dir, source);
}

export function policyDocuments(module: TfModule): PolicyDocument[] {
  const documents = module.data.aws_iam_policy_document ?? {};
  return Object.entries(documents).map(([name, body]) => ({
    module,
    name,
    body,
    statements: statementsOf(module, name, body),
  }));
}

function statementsOf(module: TfModule, name: string, body: Block): PolicyStatement[] {
  const document = `${moduleLabel(module)}:data.aws_iam_policy_document.${name}`;
  const toStatement = (raw: Block, dynamic: boolean, forEach?: string): PolicyStatement => ({
    where: `${document}${typeof raw.sid === 'string' ? ` (${raw.sid})` : ''}`,
    document: name,
    sid: typeof raw.sid === 'string' ? raw.sid : undefined,
    effect: typeof raw.effect === 'string' ? raw.effect : 'Allow',
    actions: typeof raw.actions === 'string' ? raw.actions : asArray(raw.actions as string[] | undefined),
    resources: raw.resources === undefined ? undefined : (raw.resources as string[] | string),
    notActions: raw.not_actions,
    notResources: raw.not_resources,
    conditions: nestedAll(raw, 'condition').map((c) => ({
      test: String(c.test),
      variable: String(c.variable),
      values: typeof c.values === 'string' ? c.values : asArray(c.values as string[]),
    })),
    hasPrincipals: raw.principals !== undefined || raw.not_principals !== undefined,
    dynamic,
    forEach,
  });
  const statements = nestedAll(body, 'statement').map((s) => toStatement(s, false));
  for (const dynamicBlock of nestedAll(body, 'dynamic')) {
    for (const dyn of nestedAll(dynamicBlock, 'statement')) {
      const forEach = typeof dyn.for_each === 'string' ? dyn.for_each : undefined;
      for (const content of nestedAll(dyn, 'content')) statements.push(toStatement(content, true, forEach));
    }
  }
  return statements;
}

/** `${data.aws_iam_policy_document.NAME.json}` → NAME, for expressions that are exactly one reference. */
export function policyDocumentReference(expression: unknown): string | undefined {
  if (typeof expression !== 'string') return undefined;
  return /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json\}$/.exec(expression.trim())?.[1];
}

/** `${var.NAME}` → NAME, for expressions that are exactly one variable reference. */
export function variableReference(expression: unknown): string | undefined {
  if (typeof expression !== 'string') return undefined;
  return /^\$\{var\.([A-Za-z0-9_]+)\}$/.exec(expression.trim())?.[1];
}
