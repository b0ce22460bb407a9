import v8 from 'node:v8';

/**
 * On a machine with gigabytes of RAM, V8 lets the heap grow to about four times what survived its last
 * full collection before collecting again: the server keeps ~60 MB alive but sat at 330–420 MB under
 * load. Growing by `percent` instead (150: to 2.5 times) held it at 255–290 MB for the same CPU per
 * request (bench/NOTES.md, fix 18). Unlike a cap on the heap (--max-old-space-size), this leaves V8
 * room for a burst. V8 reads the flag at every collection, so setting it once the process runs works.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
