// PDF transformation matrices [a b c d e f]: the one product every content-stream walker uses.
export type M = [number, number, number, number, number, number];

export const ID: M = [1, 0, 0, 1, 0, 0];

/** a × b in PDF's row-vector convention: `cm` with operand a on a CTM b gives mul(a, b). */
export const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];
