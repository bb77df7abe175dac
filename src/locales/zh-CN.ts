import type { StatusMessages } from './types.js';

/** Chinese wording of the findings; placeholders in braces are filled from the finding's data. */
export const zhCN: StatusMessages = {
  pass: '符合{label}。',
  passQuantity: '符合{label}（要求 {expected}，实际 {actual}）。',
  passedParts: '符合{label}：{parts}。',
  failPrefix: '不符合{label}：',
  unknown: '无法判断是否符合{label}：缺少{missing}的数据。请补充后重新检查。',
  notInForce: '《{law}》自{inForceFrom}起施行，{asOf}时尚未生效，不适用。',
  conditionNotMet: '不适用：{label}的适用条件不成立。',
  failedParts: '未满足：{parts}。',
  listSeparator: '、',
};
