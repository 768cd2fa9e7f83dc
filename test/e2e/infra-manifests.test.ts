import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repositoryRoot } from '../support/repository.js';

// What can be checked of infra/ without a Docker engine or a cluster: see infra/README.md.
const infra = path.join(repositoryRoot, 'infra');
const read = (...parts: string[]) => readFileSync(path.join(...parts), 'utf8');

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: Record<string, unknown>;
}

function filesUnder(directory: string, extensions: readonly string[]): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .map((name) => path.join(directory, name));
}

function parseYaml(text: string, file: string): unknown[] {
  const documents = parseAllDocuments(text);
  const errors = documents.flatMap((document) => document.errors.map((error) => `${file}: ${error.message}`));
  expect(errors).toEqual([]);
  return documents.map((document) => document.toJS() as unknown).filter((value) => value != null);
}

/** Every `ANDES_*` variable the runtime configuration reads. */
function configurationVariables(): string[] {
  const directory = path.join(repositoryRoot, 'packages/runtime/src/config');
  const sources = readdirSync(directory)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => read(directory, name));
  return [
    ...new Set(sources.flatMap((source) => [...source.matchAll(/\bANDES_[A-Z0-9_]+/g)].map((match) => match[0]))),
  ];
}

function documentedVariables(): string[] {
  return [...read(infra, 'README.md').matchAll(/^\| `(ANDES_[A-Z0-9_]+)` +\|/gm)].map((match) => match[1]!);
}

function kustomizeManifests(): Manifest[] {
  return filesUnder(path.join(infra, 'kustomize'), ['.yaml'])
    .filter((file) => !file.endsWith('kustomization.yaml'))
    .flatMap((file) => parseYaml(read(file), file) as Manifest[]);
}

describe('infra manifests', () => {
  test('every YAML file under infra/ parses', () => {
    const files = filesUnder(infra, ['.yaml', '.yml']);
    expect(files.map((file) => path.relative(infra, file))).toEqual(
      expect.arrayContaining(['compose/compose.yaml', 'kustomize/kustomization.yaml', 'kustomize/configmap.yaml']),
    );
    for (const file of files) expect(parseYaml(read(file), file).length).toBeGreaterThan(0);
  });

  test('every variable the configuration reads is documented and set in the ConfigMap or the Secret', () => {
    const read = configurationVariables();
    expect(read).toEqual(expect.arrayContaining(['ANDES_DATA_DIR', 'ANDES_INFERENCE_URL', 'ANDES_ADMIN_KEY']));
    const documented = documentedVariables();
    expect(read.filter((variable) => !documented.includes(variable))).toEqual([]);
    const manifests = kustomizeManifests();
    const configMap = manifests.find(
      (manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'andes-config',
    );
    const secret = manifests.find((manifest) => manifest.kind === 'Secret');
    const provided = [...Object.keys(configMap?.data ?? {}), ...Object.keys(secret?.stringData ?? {})];
    expect(read.filter((variable) => !provided.includes(variable))).toEqual([]);
    // Nothing set that nobody documents (a typo would be silently ignored).
    expect(provided.filter((variable) => !documented.includes(variable))).toEqual([]);
    expect(Object.keys(secret?.stringData ?? {})).toEqual(expect.arrayContaining(['ANDES_ADMIN_KEY']));
  });

  test('the API probes /readyz and /healthz, the inference servers request a GPU, HPA and PDBs select them', () => {
    const manifests = kustomizeManifests();
    const deployment = (name: string) =>
      manifests.find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === name) as unknown as {
        spec: {
          selector: { matchLabels: Record<string, string> };
          template: { spec: { containers: Array<Record<string, any>> } };
        };
      };
    const api = deployment('andes-api').spec.template.spec.containers[0]!;
    expect(api.readinessProbe.httpGet.path).toBe('/readyz');
    expect(api.livenessProbe.httpGet.path).toBe('/healthz');
    const inference = deployment('andes-inference').spec.template.spec.containers[0]!;
    expect(inference.args).toEqual(['serve', '--inference-only']);
    expect(inference.resources.limits['nvidia.com/gpu']).toBe(1);
    const hpa = manifests.find((manifest) => manifest.kind === 'HorizontalPodAutoscaler')!;
    expect((hpa.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name).toBe('andes-api');
    const budgets = manifests.filter((manifest) => manifest.kind === 'PodDisruptionBudget');
    expect(
      budgets.map((budget) => (budget.spec as { selector: { matchLabels: unknown } }).selector.matchLabels),
    ).toEqual([
      deployment('andes-api').spec.selector.matchLabels,
      deployment('andes-inference').spec.selector.matchLabels,
    ]);
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  const haveKubectl = kubectl.status === 0;
  test.skipIf(!haveKubectl && process.env.CI !== 'true')('kubectl kustomize renders the manifests', () => {
    const rendered = spawnSync('kubectl', ['kustomize', path.join(infra, 'kustomize')], { encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    const kinds = parseYaml(rendered.stdout, 'rendered')
      .map((manifest) => (manifest as Manifest).kind)
      .sort();
    expect(kinds).toEqual([
      'ConfigMap',
      'ConfigMap',
      'Deployment',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Namespace',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'PodDisruptionBudget',
      'Secret',
      'Service',
      'Service',
    ]);
    expect(rendered.stdout).toContain('namespace: andes');
  });

  describe.each(['cpu.Dockerfile', 'cuda.Dockerfile'])('infra/docker/%s passes the structural lint', (name) => {
    const lines = read(infra, 'docker', name)
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const instructions = lines.map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), argument: rest.join(' ') };
    });
    const stageStarts = instructions.flatMap((instruction, index) => (instruction.keyword === 'FROM' ? [index] : []));
    const finalStage = instructions.slice(stageStarts.at(-1));

    test('is multi-stage on a Node LTS base', () => {
      expect(stageStarts.length).toBeGreaterThanOrEqual(2);
      const nodeImage = instructions.find((instruction) => /^NODE_IMAGE=/.test(instruction.argument));
      const major = Number(/node:(\d+)/.exec(nodeImage?.argument ?? '')?.[1]);
      expect(major).toBeGreaterThanOrEqual(22);
      expect(major % 2).toBe(0);
    });

    test('runs as a non-root user that owns the data directory, with a HEALTHCHECK', () => {
      const users = finalStage.filter((instruction) => instruction.keyword === 'USER');
      expect(users).toHaveLength(1);
      expect(users[0]!.argument).not.toMatch(/^(root|0)(:|$)/);
      const userIndex = finalStage.indexOf(users[0]!);
      const chownIndex = finalStage.findIndex(
        (instruction) => instruction.keyword === 'RUN' && /chown \S+ \/data\b/.test(instruction.argument),
      );
      expect(chownIndex).toBeGreaterThanOrEqual(0);
      expect(chownIndex).toBeLessThan(userIndex);
      const volume = finalStage.findIndex((instruction) => instruction.keyword === 'VOLUME');
      expect(volume).toBeGreaterThan(chownIndex);
      expect(finalStage.filter((instruction) => instruction.keyword === 'HEALTHCHECK')).toHaveLength(1);
      expect(finalStage.find((instruction) => instruction.keyword === 'HEALTHCHECK')!.argument).toContain('/healthz');
    });

    test('copies no models in, and copies the whole context only with a .dockerignore', () => {
      expect(
        instructions.filter(
          (instruction) => /\.gguf\b/.test(instruction.argument) && /COPY|ADD/.test(instruction.keyword),
        ),
      ).toEqual([]);
      // Both images copy the build context (the repository root): only what .dockerignore lets through.
      const copiesContext = instructions.some(
        (instruction) => instruction.keyword === 'COPY' && /^\.\s+\S+$/.test(instruction.argument),
      );
      expect(copiesContext).toBe(true);
      const ignoreFile = path.join(repositoryRoot, '.dockerignore');
      expect(existsSync(ignoreFile)).toBe(true);
      const ignored = read(ignoreFile)
        .split('\n')
        .map((line) => line.trim());
      expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.git', '**/*.gguf']));
    });
  });
});
