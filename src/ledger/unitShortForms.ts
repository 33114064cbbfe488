// The common short forms of government bodies' names, as annexes write them side by side
// (梨川市人力资源和社会保障局 in one row, 市人社局 in the next). Data, not rules: a body missing
// here is simply not paired, and every pairing made from it is shown to the user as a guess.
export const AGENCY_SHORT_FORMS: readonly (readonly [full: string, short: string])[] = [
  ['人力资源和社会保障局', '人社局'],
  ['发展和改革委员会', '发改委'],
  ['发展和改革局', '发改局'],
  ['住房和城乡建设局', '住建局'],
  ['工业和信息化局', '工信局'],
  ['市场监督管理局', '市场监管局'],
  ['文化广播电视和旅游局', '文广旅局'],
  ['文化和旅游局', '文旅局'],
  ['交通运输局', '交通局'],
  ['卫生健康委员会', '卫健委'],
  ['退役军人事务局', '退役军人局'],
  ['应急管理局', '应急局'],
  ['政务服务和数字化建设管理局', '政数局'],
  ['城市管理行政执法局', '城管执法局'],
  ['人民政府办公室', '政府办'],
  ['人民政府', '政府'],
];
