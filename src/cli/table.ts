/** Plain text tables for people (the `--json` form is for scripts). */

const WIDTH_MAX = 40;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > WIDTH_MAX ? `${line.slice(0, WIDTH_MAX - 1)}…` : line;
}

/** Numbers (amounts, ids) right-aligned, text left-aligned. */
const numeric = (text: string) => /^-?\d+(\.\d+)?$/.test(text);

export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const body = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, index) => Math.max(column.length, ...body.map((line) => line[index]!.length)));
  const format = (line: string[]) =>
    line
      .map((text, index) => (numeric(text) ? text.padStart(widths[index]!) : text.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [format(columns), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(format)].join('\n');
}

/** One record as `field  value` lines. */
export function details(record: Record<string, unknown>): string {
  const entries = Object.entries(record).filter(([, value]) => !Array.isArray(value));
  const width = Math.max(...entries.map(([key]) => key.length));
  const lines = entries.map(
    ([key, value]) =>
      `${key.padEnd(width)}  ${value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
  );
  for (const [key, value] of Object.entries(record)) {
    if (!Array.isArray(value) || value.length === 0) continue;
    const columns = Object.keys(value[0])
      .filter((c) => !['created', 'modified'].includes(c))
      .slice(0, 8);
    lines.push('', `${key} (${value.length})`, table(value, columns));
  }
  return lines.join('\n');
}
