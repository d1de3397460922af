/** Output file names: `<n>-<listener-name>.wav`, n from 1 in listener order, name slugified to [a-z0-9-]. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'listener' : slug;
}

export function listenerFileName(index: number, name: string): string {
  return `${index + 1}-${slugify(name)}.wav`;
}
