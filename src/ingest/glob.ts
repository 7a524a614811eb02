/** A small glob matcher (Node 20 has no fs.glob): *, **, ?, [...] and {a,b}; hidden files only when named. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function isGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

function segmentToRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        let body = seg.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = seg.indexOf('}', i + 1);
      if (close < 0) out += '\\{';
      else {
        out += '(?:' + seg.slice(i + 1, close).split(',').map(segmentToRegex).join('|') + ')';
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}

/** Regex for a relative, '/'-separated glob. `**` spans any number of folders. */
export function globToRegExp(pattern: string): RegExp {
  const segs = pattern.split('/');
  let re = '';
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') re += last ? '.*' : '(?:[^/]+/)*';
    else re += segmentToRegex(seg) + (last ? '' : '/');
  });
  return new RegExp(`^${re}$`);
}

/** The folder a glob starts from: its leading segments without glob characters. */
export function globBase(pattern: string): { base: string; rest: string } {
  const norm = pattern.split(sep).join('/');
  const segs = norm.split('/');
  const i = segs.findIndex(isGlob);
  const baseSegs = segs.slice(0, i);
  const base = baseSegs.length ? baseSegs.join('/') || '/' : '.';
  return { base, rest: segs.slice(i).join('/') };
}

/** Every file under `dir`, recursively, sorted; hidden entries skipped. Paths relative to dir, '/'-separated. */
export function walkFiles(dir: string, hidden = false): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (!hidden && e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          isFile = true; // a dangling link: let the reader report it
        }
      }
      if (isDir) visit(full);
      else if (isFile) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  visit(dir);
  return out;
}

/** Files matching a glob, sorted. Hidden files match only when the pattern names a dot. */
export function expandGlob(pattern: string): string[] {
  const { base, rest } = globBase(pattern);
  const re = globToRegExp(rest);
  const wantsHidden = /(^|\/)\./.test(rest);
  let files: string[];
  try {
    files = walkFiles(base, wantsHidden);
  } catch {
    return [];
  }
  const prefix = base === '.' && !pattern.startsWith('./') ? '' : base.endsWith('/') ? base : base + '/';
  return files.filter((f) => re.test(f)).map((f) => prefix + f);
}
