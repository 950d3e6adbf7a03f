// Golden table: figures from the seed articles and the exact text those articles print.
import { describe, expect, test } from 'vitest';
import { formatFigure, formatParts } from '../../../src/figures/format.ts';
import { figureSchema, type FigureInput } from '../../../src/figures/schema.ts';

type Case = [name: string, figure: Omit<FigureInput, 'label'>, expected: string];

// Seed 000 (这五年，太原发生了哪些变化) and 001 (市委常委会2020年工作报告解读), in reading order.
const seeds: Case[] = [
  ['财政支出八成以上', { value: 8, unit: '成', numerals: 'hanzi', qualifier: '以上' }, '八成以上'],
  ['城镇累计新增就业 (unit 万人)', { value: 47.65, unit: '万人' }, '47.65万人'],
  ['城镇累计新增就业 (scale 万)', { value: 476500, unit: '人', scale: '万' }, '47.65万人'],
  ['城镇登记失业率', { value: 4, unit: '%', kind: 'percent', qualifier: '以内' }, '4%以内'],
  ['城镇居民人均可支配收入', { value: 38329, unit: '元', kind: 'money' }, '38329元'],
  ['农村居民人均可支配收入', { value: 19655, unit: '元', kind: 'money' }, '19655元'],
  ['新改扩建中小学校', { value: 58, unit: '所' }, '58所'],
  ['新增优质学位', { value: 10.4, unit: '万个' }, '10.4万个'],
  ['普惠性幼儿园覆盖率', { value: 93.7, unit: '%', kind: 'percent' }, '93.7%'],
  ['公办小学免费托管', { value: 280000, unit: '个', scale: '万' }, '28万个'],
  ['千人拥有床位数', { value: 8.82, unit: '张', kind: 'ratio' }, '8.82张'],
  ['提高低保标准', { value: 5, unit: '次' }, '5次'],
  ['爱心奶 (unit 万人)', { value: 2.5, unit: '万人', qualifier: '余' }, '2.5万余人'],
  ['爱心奶 (scale 万)', { value: 25000, unit: '人', scale: '万', qualifier: '余' }, '2.5万余人'],
  ['退役军人服务中心', { value: 1525, unit: '个' }, '1525个'],
  ['有房无证产权登记', { value: 16, unit: '万套', qualifier: '余' }, '16万余套'],
  ['疫情防控领导小组会议 (000)', { value: 86, unit: '次' }, '86次'],
  ['深改委会议 (000)', { value: 55, unit: '次' }, '55次'],
  ['重大改革部署', { value: 424, unit: '项' }, '424项'],
  ['赋予事权', { value: 1182, unit: '项' }, '1182项'],
  ['一网通办', { value: 90, unit: '%', kind: 'percent', qualifier: '以上' }, '90%以上'],
  ['营商环境指标', { value: 2, unit: '项', numerals: 'hanzi' }, '两项'],
  ['新增市场主体', { value: 32, unit: '万户' }, '32万户'],
  ['减税', { value: 973, unit: '亿元', kind: 'money' }, '973亿元'],
  ['外贸进出口总额年均', { value: 12.8, unit: '%', kind: 'change' }, '增长12.8%'],
  ['新中国成立', { value: 70, unit: '周年' }, '70周年'],
  ['全国青年运动会', { value: 2, unit: '届', kind: 'ordinal', numerals: 'hanzi' }, '第二届'],
  ['黑恶犯罪团伙 (000)', { value: 172, unit: '个' }, '172个'],
  ['双拥模范城', { value: 9, unit: '连冠', kind: 'streak' }, '九连冠'],
  ['党群服务中心', { value: 900, unit: '个', qualifier: '余' }, '900余个'],
  ['担当作为干部', { value: 1200, unit: '名' }, '1200名'],
  ['腐败案件', { value: 8031, unit: '件' }, '8031件'],
  ['理论学习中心组', { value: 38, unit: '次' }, '38次'],
  ['培训期数', { value: 20, unit: '期' }, '20期'],
  ['培训市管领导干部', { value: 1974, unit: '人' }, '1974人'],
  ['基层宣讲', { value: 4600, unit: '场', qualifier: '余' }, '4600余场'],
  ['宣讲受众', { value: 70, unit: '万人', qualifier: '近' }, '近70万人'],
  ['印发文件', { value: 544, unit: '个' }, '544个'],
  ['先进个人', { value: 263, unit: '名' }, '263名'],
  ['国际航班', { value: 45, unit: '架' }, '45架'],
  ['转运人员', { value: 8870, unit: '人' }, '8870人'],
  ['突击队', { value: 8, unit: '支' }, '8支'],
  ['地区生产总值前三季度', { value: 0.1, unit: '%', kind: 'change' }, '增长0.1%'],
  ['新兴产业投资', { value: 46.1, unit: '%', kind: 'change' }, '增长46.1%'],
  [
    '规上工业企业',
    { value: 100, unit: '家', kind: 'change', verbs: ['增加', '减少'], qualifier: '以上' },
    '增加100家以上',
  ],
  ['政府消费券', { value: 7497.72, unit: '万元', kind: 'money' }, '7497.72万元'],
  ['汽车消费补贴 (unit 亿元)', { value: 1.93, unit: '亿元', kind: 'money' }, '1.93亿元'],
  ['汽车消费补贴 (scale 亿)', { value: 193000000, unit: '元', kind: 'money', scale: '亿' }, '1.93亿元'],
  ['新增入统服务业企业', { value: 216, unit: '家' }, '216家'],
  ['设施蔬菜播种面积', { value: 5.8, unit: '万亩' }, '5.8万亩'],
  ['开工率', { value: 66.5, unit: '%', kind: 'percent' }, '66.5%'],
  ['累计完成投资', { value: 545, unit: '亿元', kind: 'money' }, '545亿元'],
  ['完成率', { value: 143, unit: '%', kind: 'percent' }, '143%'],
  ['脱钩改革', { value: 86, unit: '户' }, '86户'],
  ['网上申报审批', { value: 87.3, unit: '%', kind: 'percent', qualifier: '以上' }, '87.3%以上'],
  ['政务环境指标', { value: 7, unit: '位', kind: 'rank' }, '第7位'],
  ['农村清洁供暖改造', { value: 11385, unit: '户' }, '11385户'],
  ['减少燃煤', { value: 5.7, unit: '万吨' }, '5.7万吨'],
  ['焦炉', { value: 4.3, unit: '米', qualifier: '以下' }, '4.3米以下'],
  ['焦炉产能', { value: 912, unit: '万吨' }, '912万吨'],
  ['综合污染指数', { value: -7.5, unit: '%', kind: 'change' }, '下降7.5%'],
  ['优良天数', { value: 224, unit: '天' }, '224天'],
  ['优良天数增加', { value: 24, unit: '天', kind: 'change', verbs: ['增加', '减少'] }, '增加24天'],
  ['环城旅游公路', { value: 229.5, unit: '公里' }, '229.5公里'],
  ['公共停车位', { value: 1.7, unit: '万个', qualifier: '余' }, '1.7万余个'],
  ['5G基站', { value: 4293, unit: '座' }, '4293座'],
  ['便民生活圈', { value: 15, unit: '分钟' }, '15分钟'],
  ['扶贫投资', { value: 5.35, unit: '亿元', kind: 'money' }, '5.35亿元'],
  ['转移就业贫困劳动力', { value: 23200, unit: '人', scale: '万' }, '2.32万人'],
  ['职业技能提升培训', { value: 8.14, unit: '万人' }, '8.14万人'],
  ['每千人拥有医疗床位', { value: 8.82, unit: '张', kind: 'ratio' }, '8.82张'],
  ['不动产首次登记', { value: 10.28, unit: '万套' }, '10.28万套'],
  ['住房租赁试点', { value: 2, unit: '批', kind: 'ordinal', numerals: 'hanzi' }, '第二批'],
  ['亡人事故减少', { value: -14, unit: '起', kind: 'change', verbs: ['增加', '减少'] }, '减少14起'],
  ['亡人事故下降', { value: -23.7, unit: '%', kind: 'change' }, '下降23.7%'],
  ['破获刑事案件', { value: 1223, unit: '起' }, '1223起'],
  ['刑事类警情', { value: -14.7, unit: '%', kind: 'change' }, '下降14.7%'],
  ['立改废地方性法规', { value: 11, unit: '件' }, '11件'],
  ['时代新人说', { value: 1000, unit: '场', qualifier: '余' }, '1000余场'],
  ['非公经济党组织覆盖率', { value: 91.8, unit: '%', kind: 'percent' }, '91.8%'],
  ['十条措施', { value: 10, unit: '条', numerals: 'hanzi' }, '十条'],
  ['十四五', { value: 14, unit: '个', kind: 'ordinal', numerals: 'hanzi' }, '第十四个'],
  ['八项规定', { value: 8, unit: '项', numerals: 'hanzi' }, '八项'],
  ['全市性会议', { value: -27, unit: '%', kind: 'change' }, '下降27%'],
];

// Forms the style rules name that the two seeds happen not to use.
const style: Case[] = [
  ['超过 before the number', { value: 32, unit: '亿元', kind: 'money', qualifier: '超过' }, '超过32亿元'],
  ['逾 before the number', { value: 3000, unit: '人', qualifier: '逾' }, '逾3000人'],
  ['约 with scale 亿', { value: 1.2e9, unit: '元', scale: '亿', qualifier: '约' }, '约12亿元'],
  ['左右 after the unit', { value: 60, unit: '%', kind: 'percent', qualifier: '左右' }, '60%左右'],
  ['多 after 万', { value: 3, unit: '万亿元', qualifier: '多' }, '3万多亿元'],
  ['percentage point', { value: 2.1, unit: '个百分点', kind: 'percentagePoint' }, '2.1个百分点'],
  ['decimals keep trailing zeros', { value: 8.8, unit: '张', kind: 'ratio', decimals: 2 }, '8.80张'],
  ['decimals round', { value: 47.654, unit: '万人', decimals: 1 }, '47.7万人'],
  ['no thousands separator', { value: 1234567, unit: '元', kind: 'money' }, '1234567元'],
  ['change with 近', { value: -30, unit: '%', kind: 'change', qualifier: '近' }, '下降近30%'],
  ['ordinal in arabic', { value: 2, unit: '届', kind: 'ordinal' }, '第2届'],
  ['rank in 名', { value: 3, unit: '名', kind: 'rank' }, '第3名'],
  ['streak past ten', { value: 23, unit: '连冠', kind: 'streak' }, '二十三连冠'],
  ['hanzi with zero', { value: 105, unit: '项', numerals: 'hanzi' }, '一百零五项'],
  ['hanzi decimal', { value: 3.5, unit: '成', numerals: 'hanzi' }, '三点五成'],
  ['negative count', { value: -3.5, unit: '℃' }, '-3.5℃'],
];

function figure(input: Omit<FigureInput, 'label'>) {
  return figureSchema.parse({ label: '测试', ...input });
}

describe('formatFigure: the seeds', () => {
  test('covers at least 60 seed figures', () => expect(seeds.length).toBeGreaterThanOrEqual(60));
  test.each(seeds)('%s', (_name, input, expected) => expect(formatFigure(figure(input))).toBe(expected));
});

describe('formatFigure: style rules', () => {
  test.each(style)('%s', (_name, input, expected) => expect(formatFigure(figure(input))).toBe(expected));
});

describe('variants and parts', () => {
  const jobs = figure({ value: 476500, unit: '人', scale: '万' });
  const milk = figure({ value: 2.5, unit: '万人', qualifier: '余' });
  const smog = figure({ value: -7.5, unit: '%', kind: 'change' });
  const streak = figure({ value: 9, unit: '连冠', kind: 'streak' });

  test.each([
    ['value is the number alone', jobs, 'value', '47.65'],
    ['unit includes the scale', jobs, 'unit', '万人'],
    ['label', jobs, 'label', '测试'],
    ['unit leaves out 余', milk, 'unit', '万人'],
    ['value of a change is unsigned', smog, 'value', '7.5'],
    ['value in hanzi', streak, 'value', '九'],
  ] as const)('%s', (_name, f, variant, expected) => expect(formatFigure(f, variant)).toBe(expected));

  test.each([
    ['近70万人', figure({ value: 70, unit: '万人', qualifier: '近' }), ['近', '70', '万人', '']],
    ['2.5万余人', milk, ['', '2.5', '万余人', '']],
    ['下降7.5%', smog, ['下降', '7.5', '%', '']],
    ['95%以上', figure({ value: 95, unit: '%', qualifier: '以上' }), ['', '95', '%', '以上']],
    ['第7位', figure({ value: 7, unit: '位', kind: 'rank' }), ['第', '7', '位', '']],
  ] as const)('parts of %s', (_name, f, [prefix, number, unit, suffix]) =>
    expect(formatParts(f)).toEqual({ prefix, number, unit, suffix }),
  );
});
