import type { Rng } from './random.js';

/** Syllable pairs for invented place names (plausible for Hangzhou, none copied from a map). */
const FIRST = ['望', '青', '云', '桂', '枫', '兰', '翠', '晴', '松', '溪', '湖', '柳', '竹', '梅', '嘉', '和', '明', '景', '紫', '金', '银', '丰', '瑞', '锦', '华', '安', '宁', '文', '星', '月'];
const SECOND = ['湖', '枫', '溪', '园', '苑', '桥', '塘', '坊', '庭', '湾', '岭', '林', '港', '堤', '泉', '村', '阳', '汇', '盛', '兴', '澜', '江', '河', '山', '亭', '台', '源', '霞', '岸', '畈'];
const PINYIN: Record<string, string> = {
  望: 'Wang', 青: 'Qing', 云: 'Yun', 桂: 'Gui', 枫: 'Feng', 兰: 'Lan', 翠: 'Cui', 晴: 'Qing', 松: 'Song', 溪: 'Xi', 湖: 'Hu', 柳: 'Liu', 竹: 'Zhu', 梅: 'Mei', 嘉: 'Jia',
  和: 'He', 明: 'Ming', 景: 'Jing', 紫: 'Zi', 金: 'Jin', 银: 'Yin', 丰: 'Feng', 瑞: 'Rui', 锦: 'Jin', 华: 'Hua', 安: 'An', 宁: 'Ning', 文: 'Wen', 星: 'Xing', 月: 'Yue',
  园: 'yuan', 苑: 'yuan', 桥: 'qiao', 塘: 'tang', 坊: 'fang', 庭: 'ting', 湾: 'wan', 岭: 'ling', 林: 'lin', 港: 'gang', 堤: 'di', 泉: 'quan', 村: 'cun', 阳: 'yang',
  汇: 'hui', 盛: 'sheng', 兴: 'xing', 澜: 'lan', 江: 'jiang', 河: 'he', 山: 'shan', 亭: 'ting', 台: 'tai', 源: 'yuan', 霞: 'xia', 岸: 'an', 畈: 'fan',
};

/** A two-character place name and its pinyin. */
export interface PlaceName {
  zh: string;
  en: string;
}

/** Hands out distinct invented two-character names from a seeded generator. */
export class NamePool {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** A name not handed out before by this pool. */
  next(): PlaceName {
    for (let attempt = 0; ; attempt++) {
      const a = this.rng.pick(FIRST);
      const b = this.rng.pick(SECOND);
      const zh = a + b;
      if (a === b || (this.used.has(zh) && attempt < 50)) continue;
      const suffix = this.used.has(zh) ? String(attempt) : '';
      this.used.add(zh);
      const en = PINYIN[a] + PINYIN[b].toLowerCase();
      return { zh: zh + suffix, en: en + suffix };
    }
  }
}

/** Chinese family names and given-name characters for staff display names. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆晨阳欣怡雪梅丹玲佳琪婷海峰亮成林东';

/** A plausible Chinese personal name (surname + one or two given characters). */
export function personName(rng: Rng): string {
  const given = rng.pick([...GIVEN]) + (rng.chance(0.6) ? rng.pick([...GIVEN]) : '');
  return rng.pick([...SURNAMES]) + given;
}
