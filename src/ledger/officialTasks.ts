// The 40 key tasks of the appendix 重点工作任务分工, word for word as in the official text
// (shared/reference/key-task-assignments.zh.txt), full-width punctuation included, and the rest of
// the built-in plan's data: its names and its unit directory. The only module that names this plan.
import type { UnitDirectory, UnitEntry } from './units';

export interface OfficialTask {
  readonly no: number;
  readonly task: string;
  readonly units: string;
}

export const PLAN_TITLE = '四平市现代职业教育重点工作任务';

/** The built-in plan's other names: for file names, its issuer, the region its bare unit names belong to. */
export const BUILT_IN_META = {
  shortName: '四平市职教重点任务',
  issuer: '四平市人民政府',
  region: '四平市',
} as const;

/**
 * The names its summary mails and files have always had (a subject and a file stem of their
 * own); another plan's are made from its title and short name.
 */
export const BUILT_IN_NAMES = {
  title: PLAN_TITLE,
  subject: '四平市现代职业教育重点任务',
  fileStem: '四平市职教重点任务汇总',
  shortName: BUILT_IN_META.shortName,
  recipients: '各县（市）区人民政府，市直有关部门：',
} as const;

export const OFFICIAL_TASKS: ReadonlyArray<OfficialTask> = [
  {
    no: 1,
    task: '建设四平现代职业教育园区，深化产教融合，组建职教集团，力争建设1个省内乃至东三省产教融合示范区。',
    units: '市教育局、市发改委、市财政局、四平职业大学',
  },
  {
    no: 2,
    task: '各县（市）统筹各类中职资源，整合建设成1所特色鲜明、优势突出、服务功能完善的职教中心。',
    units: '各县（市）人民政府',
  },
  {
    no: 3,
    task: '优化整合职教资源，全面改善提升职业学校办学条件，推动中职学校办学条件基本达标。',
    units: '市教育局、市人社局、市财政局，各县（市）人民政府',
  },
  { no: 4, task: '支持四平职业大学申报职教本科专业。', units: '市教育局、四平职业大学' },
  {
    no: 5,
    task: '支持吉林师范大学分院申报建设四平幼儿师范高等专科学校。',
    units: '市教育局、市发改委、市自然资源局、市财政局、市交通局，铁西区政府',
  },
  {
    no: 6,
    task: '推动吉林省四平卫生学校打造康养职教品牌，积蓄发展潜力。',
    units: '市教育局、四平职业大学、吉林省四平卫生学校',
  },
  {
    no: 7,
    task: '拓展学生成长空间，探索发展以培养专项技能为主的特色综合高中（班），争取开展中等职业教育与普通高中教育融通试点。',
    units: '市教育局，各县（市）人民政府',
  },
  {
    no: 8,
    task: '围绕和服务经济发展需求，优化职业教育专业设置，完成10个省级特色高水平中高职专业（群）建设任务。',
    units: '市教育局、四平职业大学，各县（市）人民政府',
  },
  { no: 9, task: '探索“固定岗＋流动岗”的教师管理模式。', units: '市人社局、市委编办、市教育局' },
  {
    no: 10,
    task: '完成职业学校教师素质提升计划和“双师型”教师省定培训任务，实施“名师培养工程”。',
    units: '市教育局',
  },
  { no: 11, task: '职业学校有序安排教师每年至少到企业或者实训基地实践1个月。', units: '各职业学校' },
  {
    no: 12,
    task: '推进习近平新时代中国特色社会主义思想进课堂、进头脑，培育10门思政示范课和2个“三全育人”典型学校。',
    units: '市教育局',
  },
  { no: 13, task: '建立四平市中职公共基础课学科专家组。', units: '市教育局' },
  {
    no: 14,
    task: '推进建设10个智慧课堂10门在线精品课和3个专业教学资源库。',
    units: '市教育局，各县（市）人民政府',
  },
  {
    no: 15,
    task: '推动建设中小学生劳动和职业启蒙教育基地，培养中小学生的职业兴趣和技能爱好。',
    units: '市教育局，各县（市）人民政府',
  },
  { no: 16, task: '办好四平市中等职业学校技能大赛。', units: '市教育局' },
  {
    no: 17,
    task: '推动“1+X”证书试点学校建设，提高学生职业等级证书通过率。',
    units: '市教育局，相关职业学校',
  },
  {
    no: 18,
    task: '推动职业学校建成5个高水平校内实训基地、5个虚拟仿真实训室、4个集实践教学和真实生产于一体的产教融合实习实训基地。',
    units: '市教育局、市财政局，各县（市）人民政府',
  },
  {
    no: 19,
    task: '推动双辽市职教集团向生态农业方向转型升级并实体化运作，争取通过教育部示范性职教集团认定。',
    units: '双辽市人民政府',
  },
  {
    no: 20,
    task: '加强对外交流合作，推动四平市职教中心与浙江金华技师学院合作，推动四平市和长春市在职业教育领域一体化协同发展。',
    units: '市教育局',
  },
  { no: 21, task: '职业学校建设5个工匠（院士、劳模）工作室。', units: '市教育局、市人社局，各职业学校' },
  {
    no: 22,
    task: '建设产教融合实训培训基地，打造全市具有示范性的创业就业技能培训服务平台。支持职业学校开展补贴性培训和市场化培训。',
    units: '市人社局、市发改委、市教育局、市农业农村局、市退役军人事务局、四平职业大学',
  },
  {
    no: 23,
    task: '各职业学校积极与“专精特新”中小企业合作培养技能人才。',
    units: '市教育局、市人社局、市工信局、四平职业大学',
  },
  { no: 24, task: '推进建设职工技能提升平台，定期举办全市职工职业技能竞赛。', units: '市总工会、市人社局' },
  { no: 25, task: '推进建设产教融合型试点企业。', units: '市发改委、市工信局、市教育局' },
  {
    no: 26,
    task: '吉林广播电视大学四平分校牵头，探索创建社区教育学院。',
    units: '市教育局、吉林广播电视大学四平分校',
  },
  {
    no: 27,
    task: '每个县（市）区建设1所老年大学，积极创建全省老年课堂示范校。',
    units: '市教育局、吉林广播电视大学四平分校，各县（市）区人民政府',
  },
  {
    no: 28,
    task: '各涉农学校围绕“建设现代化富美乡村”，拓展学历教育和职业培训覆盖范围，完成2个省级服务县域振兴示范性职教中心建设任务。',
    units: '市教育局，各县（市）人民政府',
  },
  {
    no: 29,
    task: '支持职业学校与乡镇共建乡村人才培训基地，对乡镇急需人才开展订单培养。',
    units: '市教育局、市人社局、市农业农村局，各县（市）区人民政府，各职业学校',
  },
  { no: 30, task: '每个县（市）职教中心建设1个电商直播基地。', units: '各县（市）人民政府' },
  { no: 31, task: '将职业教育工作纳入地方经济社会发展考核。', units: '各级人民政府' },
  {
    no: 32,
    task: '推进落实职业学校在内设机构、岗位设置、用人计划、教师招聘、职称评聘等方面的自主权。',
    units: '市委编办、市教育局、市人社局',
  },
  {
    no: 33,
    task: '新增教育经费要向职业教育倾斜，落实生均拨款制度和标准。',
    units: '市财政局，各县（市）人民政府',
  },
  {
    no: 34,
    task: '积极争取上级财政专项资金，确保上级专项资金和市级配套资金专款专用，及时拨付到位。',
    units: '市财政局，各县（市）人民政府',
  },
  {
    no: 35,
    task: '优化专项资金结构，涉企专项资金优先用于支持校企合作，提高职业学校向企业购买实践教学类服务的经费支出。',
    units: '市财政局、市教育局，各职业学校',
  },
  {
    no: 36,
    task: '落实职业教育学生实习责任保险制度，将学生实习实训投保经费统一纳入公用经费开支范围。',
    units: '市教育局、市财政局，各县（市）人民政府，各职业学校',
  },
  {
    no: 37,
    task: '清理对职业教育人才的歧视性政策，落实职业学校毕业生在就业、落户、参加招聘、职称评审、晋升等方面与普通学校毕业生享受同等待遇的规定。',
    units: '市人社局',
  },
  {
    no: 38,
    task: '对在职业教育工作中取得成绩的单位和个人、在有关领域作出突出贡献的技术技能人才按规定予以表彰奖励。',
    units: '市人社局',
  },
  {
    no: 39,
    task: '在评选市管优秀专家及申报省、市重点人才项目时，向符合条件的高水平技术技能人才倾斜。',
    units: '市委组织部',
  },
  { no: 40, task: '落实技术技能人才薪酬激励政策，提高技术技能人才社会地位。', units: '市人社局、市财政局' },
];

const dept = (name: string, ...aliases: string[]): UnitEntry => ({
  name,
  aliases,
  kind: 'department',
  members: [],
});
const gov = (name: string, ...aliases: string[]): UnitEntry => ({
  name,
  aliases,
  kind: 'government',
  members: [],
});
const school = (name: string, ...aliases: string[]): UnitEntry => ({
  name,
  aliases,
  kind: 'school',
  members: [],
});
const collective = (name: string, members: string[], ...aliases: string[]): UnitEntry => ({
  name,
  aliases,
  kind: 'collective',
  members,
});

export const COUNTY_GOVERNMENTS = ['梨树县人民政府', '伊通满族自治县人民政府', '双辽市人民政府'] as const;
export const DISTRICT_GOVERNMENTS = ['铁西区人民政府', '铁东区人民政府'] as const;

export const DEFAULT_DIRECTORY: UnitDirectory = {
  region: BUILT_IN_META.region,
  units: [
    dept('市教育局', '四平市教育局'),
    dept('市发改委', '四平市发改委', '市发展和改革委员会', '四平市发展和改革委员会', '市发展改革委'),
    dept('市财政局', '四平市财政局'),
    dept('市人社局', '四平市人社局', '市人力资源和社会保障局', '四平市人力资源和社会保障局'),
    dept('市自然资源局', '四平市自然资源局'),
    dept('市交通局', '四平市交通局', '市交通运输局', '四平市交通运输局'),
    dept('市委编办', '四平市委编办', '市编办', '中共四平市委机构编制委员会办公室'),
    dept('市农业农村局', '四平市农业农村局'),
    dept('市退役军人事务局', '四平市退役军人事务局'),
    dept('市工信局', '四平市工信局', '市工业和信息化局', '四平市工业和信息化局'),
    dept('市总工会', '四平市总工会'),
    dept('市委组织部', '四平市委组织部', '中共四平市委组织部'),
    gov('四平市人民政府', '市人民政府', '市政府', '四平市政府'),
    gov('铁西区人民政府', '铁西区政府'),
    gov('铁东区人民政府', '铁东区政府'),
    gov('梨树县人民政府', '梨树县政府'),
    gov('伊通满族自治县人民政府', '伊通满族自治县政府', '伊通县人民政府', '伊通县政府'),
    gov('双辽市人民政府', '双辽市政府'),
    school('四平职业大学'),
    school('吉林省四平卫生学校', '四平卫生学校', '四平市卫生学校'),
    school('吉林广播电视大学四平分校', '吉林开放大学四平分校', '四平广播电视大学', '四平开放大学'),
    collective(
      '各县（市）人民政府',
      [...COUNTY_GOVERNMENTS],
      '各县（市）政府',
      '各县市人民政府',
      '各县市政府',
    ),
    collective(
      '各县（市）区人民政府',
      ['各县（市）人民政府', ...DISTRICT_GOVERNMENTS],
      '各县（市、区）人民政府',
      '各县（市）区政府',
      '各县市区人民政府',
      '各县（市、区）政府',
    ),
    collective('各级人民政府', ['四平市人民政府', '各县（市）区人民政府'], '各级政府'),
    collective('各职业学校', ['四平职业大学', '吉林省四平卫生学校'], '各职业院校', '各级各类职业学校'),
    collective('相关职业学校', [], '有关职业学校', '相关职业院校'),
  ],
};
