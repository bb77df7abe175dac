import type { StatusMessages } from './types.js';

/** English wording of the findings; placeholders in braces are filled from the finding's data. */
export const en: StatusMessages = {
  pass: 'Complies with {label}.',
  passQuantity: 'Complies with {label} (required {expected}, actual {actual}).',
  passedParts: 'Complies with {label}: {parts}.',
  failPrefix: 'Does not comply with {label}: ',
  unknown: 'Cannot decide {label}: missing {missing}. Supply them and check again.',
  notInForce: '{law} is in force from {inForceFrom}; not yet in force on {asOf}, so not applicable.',
  conditionNotMet: 'Not applicable: the conditions of {label} are not met.',
  failedParts: ' Not met: {parts}.',
  listSeparator: ', ',
};
