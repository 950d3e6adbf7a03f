// A photo or drawing placed across newspaper columns, with its caption and credit.
import { z } from 'zod';
import { encodeRequest } from '../../images/request.ts';
import { defineBlock } from '../block.ts';

// Inside the edition folder, and nothing Handlebars would escape (the path travels in an attribute).
const FILE = z
  .string({ error: 'give the picture as file=images/name.jpg' })
  .regex(/^[^\s"'<>&=`\\]+$/, 'write the path without spaces or quotes')
  .refine((f) => !f.startsWith('/') && !f.split('/').includes('..') && !f.includes(':'), {
    message: 'use a path inside the edition folder, like images/name.jpg',
  });

export const photo = defineBlock({
  name: 'photo',
  summary: 'a picture from the edition folder across some columns, with a caption',
  example: '::: photo file=images/skyline.jpg cols=3 ratio=3:2 "太原城市天际线" credit="视觉策划中心制图"',
  options: z
    .object({
      file: FILE,
      cols: z.coerce.number().int().min(1).max(12),
      ratio: z
        .string()
        .regex(/^[1-9]\d*(\.\d+)?:[1-9]\d*(\.\d+)?$/, 'write width:height, like 3:2')
        .optional(),
      credit: z.string().optional(),
    })
    .strict(),
  figures: { min: 0, max: 0 },
  view: ({ text }, o) => {
    // "说明 / 记者 某某 摄": the part after the last " / " is the credit, unless credit= gives one.
    const cut = text.lastIndexOf(' / ');
    const caption = o.credit === undefined && cut >= 0 ? text.slice(0, cut).trim() : text;
    const credit = o.credit ?? (cut >= 0 ? text.slice(cut + 3).trim() : '');
    return {
      // The file is prepared later, with the page geometry (src/images/prepare.ts): this asks for it.
      request: encodeRequest({ file: o.file, cols: o.cols, ...(o.ratio ? { ratio: o.ratio } : {}) }),
      caption,
      credit,
      captioned: caption !== '' || credit !== '',
      cols: o.cols,
    };
  },
});
