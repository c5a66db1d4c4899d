import { formatField, type DefinitionSource } from './project.js';
import type { YamlFile } from './yaml-file.js';

type Path = readonly (string | number)[];

/**
 * Where a loaded definition was written. `prefix` is its place in a list file (["metrics", 2]);
 * `indexes` maps list positions of a loaded value back to the file's when invalid items were left out.
 */
export function definitionSource(file: YamlFile, prefix: Path = [], indexes: Record<string, number[]> = {}): DefinitionSource {
  const inFile = (path: Path): Path => {
    const [head, index, ...rest] = path;
    const kept = typeof head === 'string' ? indexes[head] : undefined;
    const mapped = kept && typeof index === 'number' ? [head!, kept[index] ?? index, ...rest] : path;
    return [...prefix, ...mapped];
  };
  return {
    file: file.path,
    locate: (path, offset) => file.locate(inFile(path), offset),
    fieldName: (path) => formatField(inFile(path)),
  };
}
