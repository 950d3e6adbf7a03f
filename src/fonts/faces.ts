// The four faces Folio sets text in: which Noto CJK face each is made from and the name it gets.

/** Family names Folio's CSS uses; they never collide with the system's "Noto … CJK SC". */
export const FAMILIES = { serif: 'Folio Serif SC', sans: 'Folio Sans SC' } as const;

/** Debian's fonts-noto-cjk puts its CFF-outline collections here. */
export const NOTO_DIR = '/usr/share/fonts/opentype/noto';

export interface Face {
  /** The .ttc collection to take the face from. */
  source: string;
  /** Family name of the face inside the collection. */
  sourceFamily: string;
  /** New family name (shared by Regular and Bold so CSS font-weight picks between them). */
  family: string;
  style: 'Regular' | 'Bold';
  /** File name of the converted font inside the cache entry. */
  file: string;
}

function face(kind: 'Serif' | 'Sans', style: Face['style']): Face {
  const family = kind === 'Serif' ? FAMILIES.serif : FAMILIES.sans;
  return {
    source: `${NOTO_DIR}/Noto${kind}CJK-${style}.ttc`,
    sourceFamily: `Noto ${kind} CJK SC`,
    family,
    style,
    file: `${family.replaceAll(' ', '')}-${style}.ttf`,
  };
}

export const FACES: readonly Face[] = [
  face('Serif', 'Regular'),
  face('Serif', 'Bold'),
  face('Sans', 'Regular'),
  face('Sans', 'Bold'),
];
