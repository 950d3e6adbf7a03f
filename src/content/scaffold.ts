// `folio new`: a small edition that checks and builds as written — edition.yaml, one article, figures.yaml —
// for a new desk to change rather than copy a seed by hand.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { FolioError } from '../errors/FolioError.ts';
import type { EditionConfig } from './schema.ts';

export interface ScaffoldOptions {
  preset?: EditionConfig['preset'];
  /** Publication date, YYYY-MM-DD; default today. */
  date?: string;
  /** Folio's folder, where schema/ is: the $schema lines point there from wherever the edition is. */
  root: string;
}

/** Writes the edition into `dir` (created; it must be empty or absent) and returns the files written. */
export async function scaffoldEdition(dir: string, opts: ScaffoldOptions): Promise<string[]> {
  const target = resolve(dir);
  const present = await readdir(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    if (e.code === 'ENOTDIR') throw new FolioError('EditionNotAFolder', { path: dir }, at(dir));
    throw e;
  });
  if (present.length > 0)
    throw new FolioError('NewEditionNotEmpty', { dir, files: present.slice(0, 3) }, at(dir));
  await mkdir(target, { recursive: true });
  const schema = (name: string) =>
    relative(target, join(opts.root, 'schema', name))
      .split('\\')
      .join('/');
  const files = {
    'edition.yaml': editionYaml(
      schema('edition.schema.json'),
      opts.preset ?? 'broadsheet',
      opts.date ?? today(),
    ),
    'article.md': ARTICLE,
    'figures.yaml': figuresYaml(schema('figures.schema.json')),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(target, name), text);
  return Object.keys(files).map((n) => join(dir, n));
}

const at = (path: string) => ({ file: path, line: 0, column: 0 });

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const editionYaml = (
  schema: string,
  preset: string,
  date: string,
) => `# yaml-language-server: $schema=${schema}
# One page; Folio composes the layout (no grid: below). README "edition.yaml" lists every field.
newspaper: 示例日报
date: ${date}
pages: [1]
section: 要闻
preset: ${preset} # broadsheet: 对开 390×543 mm, 8 columns; tabloid: 四开 270×390 mm, 5 columns
layout: page
theme: default
# Numbers that stay typed in the prose because they are not statistics (a name, a line number …).
literals: []
# Every number in the prose comes from figures.yaml or is listed above; folio check refuses a hand-typed one.
strictNumbers: true
# To draw the page yourself, run \`folio layout <this folder>\` and paste a grid here.
`;

const ARTICLE = `---
title: 示例城市这一年
subtitle: 从数字看发展
authors: [记者甲]
byline: 本报记者 甲
role: main
summary: 用几个数字回顾示例城市这一年的变化。
---

这是一篇示例文章，用来替换成你自己的稿件。正文里的统计数字不手写，而是引用数据文件中的数据，例如城镇新增就业{{employment.newJobs}}；数据改了，版面上的数字随之更新。

标题、作者和摘要写在文章开头的两条横线之间；每个以两个井号开头、带编号的小标题是版面上的一个模块。

## 01 就业与收入

::: callout employment.newJobs size=l

这一年，城镇新增就业{{employment.newJobs}}，城镇居民人均可支配收入达到{{income.urban}}，比上年{{income.urbanGrowth}}。

稳就业、促增收的各项措施落地见效，重点群体就业保持稳定，居民收入与经济增长基本同步。

就业服务下沉到街道和社区，职业技能培训覆盖更多劳动者，创业担保贷款帮助一批小微企业渡过难关。

企业用工需求与求职者之间的对接更加顺畅，线上线下招聘活动常态化开展，高校毕业生就业去向更加多元。

## 02 教育与民生

::: stats education.newSchools education.newPlaces cols=2

新建、改扩建中小学校{{education.newSchools}}，新增学位{{education.newPlaces}}，基本公共服务更加均衡。

民生投入持续加大，群众的获得感、幸福感、安全感进一步增强。

学前教育普惠发展，义务教育优质均衡，课后服务惠及更多家庭；医疗、养老等公共服务的短板加快补齐。

老旧小区改造、背街小巷整治和社区服务设施建设同步推进，城市更有温度，生活更加便利。
`;

const figuresYaml = (schema: string) => `# yaml-language-server: $schema=${schema}
# Every statistic the articles print, once, with its unit and source. README "Figures" lists the fields.
employment:
  newJobs: { value: 12.5, unit: 万人, kind: count, label: 城镇新增就业, source: 示例数据 }
income:
  urban: { value: 41200, unit: 元, kind: money, label: 城镇居民人均可支配收入, source: 示例数据 }
  urbanGrowth: { value: 6.2, unit: '%', kind: change, label: 城镇居民收入增长, source: 示例数据 }
education:
  newSchools: { value: 18, unit: 所, kind: count, label: 新建改扩建中小学校, source: 示例数据 }
  newPlaces: { value: 2.4, unit: 万个, kind: count, label: 新增学位, source: 示例数据 }
`;
