import { isMap, isSeq, parseDocument } from 'yaml';
import type { ProjectFile } from '../../model/index.js';

/** A definition in a YAML document: a document's root mapping, or an item of a list. */
export interface YamlMapping {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  has(key: string): boolean;
}

/**
 * The definition files of one folder (metrics/, trees/) with only the definitions `keep` accepts,
 * each passed through `edit` (which changes the YAML document in place and says whether it did). A
 * file left unchanged is copied as written, comments and all; a file left empty is dropped.
 */
export function filterDefinitionFiles(
  files: ProjectFile[],
  folder: 'metrics' | 'trees',
  keep: (id: string) => boolean,
  edit: (id: string, definition: YamlMapping) => boolean = () => false,
): ProjectFile[] {
  return files
    .filter((file) => file.path.startsWith(`${folder}/`))
    .flatMap((file) => {
      const doc = parseDocument(file.text);
      const list = doc.get(folder);
      if (isSeq(list)) {
        const before = list.items.length;
        list.items = list.items.filter((item) => isMap(item) && keep(String(item.get('id'))));
        const edited = list.items.map((item) => isMap(item) && edit(String(item.get('id')), item)).some(Boolean);
        if (list.items.length === 0) return [];
        return [{ path: file.path, text: list.items.length === before && !edited ? file.text : doc.toString() }];
      }
      const id = String(doc.get('id'));
      if (!keep(id)) return [];
      return [{ path: file.path, text: edit(id, doc) ? doc.toString() : file.text }];
    });
}
