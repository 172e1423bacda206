"""Vocabulary of the synthetic policy corpus: themes, subjects and policy sentences.

Pure data for :mod:`bench.gen_policies`. Sentences are written in the style of county-level
政策文件 so that the text a search index sees has realistic term frequencies:

* a **theme** (就业, 养老, 科技 …) carries the classification codes, the usual issuing bodies
  and a few sentences common to every policy of the theme;
* a **subject** (稳岗返还, 专精特新, 高龄津贴 …) is what one policy is about; its sentences
  hold the specific four-character terms, so such a term hits roughly the share of the
  corpus whose subject it is (a few per cent) while 补贴/企业/申报 hit most of it;
* **generic** sentences (conditions, materials, procedure, safeguards, closing clauses) are
  shared by all themes, as boilerplate is in real documents.

Placeholders in ``{braces}`` are filled per policy by the generator: ``amt`` (元), ``wan``
(万元), ``pct``, ``n``, ``year``, ``month``, ``town``, ``city``, ``window``, ``phone``,
``dept``, ``eff``, ``exp``, ``subject``, ``issuer``, ``law``.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.demo.corpus import DEMO_TOWNS

__all__ = [
    "BENCH_TOPIC_CODES",
    "CLOSING",
    "CONDITIONS",
    "ISSUERS",
    "LAWS",
    "MATERIALS",
    "PREAMBLES",
    "PROCEDURE",
    "SAFEGUARDS",
    "SALUTATIONS",
    "THEMES",
    "TITLE_PATTERNS",
    "TOWNS",
    "Issuer",
    "Subject",
    "Theme",
]


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuing body: its name (as in ``server.demo.corpus.all_issuers()``), its level and
    its document-number pattern (``{year}``, ``{no}``)."""

    code: str
    name: str
    level: str  # "national" | "provincial" | "city" | "county"
    doc_pattern: str


@dataclass(frozen=True, slots=True)
class Subject:
    """What one policy is about, with the sentences only such policies contain."""

    name: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Theme:
    """A family of policies sharing classification codes and issuers."""

    key: str
    weight: int
    topics: tuple[str, ...]
    categories: tuple[str, ...]
    audiences: tuple[str, ...]
    industries: tuple[str, ...]
    issuers: tuple[str, ...]
    common: tuple[str, ...]
    subjects: tuple[Subject, ...]


# Top-level topic codes this corpus uses. They are the intersection of the import contract's
# list and ``server.policies.taxonomy.TOPICS``, so the importer accepts them whichever of the
# two it validates against.
BENCH_TOPIC_CODES: frozenset[str] = frozenset(
    {
        "social-security",
        "employment",
        "education",
        "health",
        "housing",
        "elderly-care",
        "transport",
        "agriculture",
        "environment",
        "technology",
        "finance-tax",
        "emergency",
        "culture-tourism",
    }
)

# Names match server.demo.corpus.all_issuers(); patterns follow server/demo/data/policies.jsonl.
ISSUERS: dict[str, Issuer] = {
    i.code: i
    for i in (
        Issuer("gov-office", "国务院办公厅", "national", "国办发〔{year}〕{no}号"),
        Issuer("mohrss", "人力资源社会保障部", "national", "人社部发〔{year}〕{no}号"),
        Issuer("mof", "财政部", "national", "财税〔{year}〕{no}号"),
        Issuer("sta", "国家税务总局", "national", "国家税务总局公告{year}年第{no}号"),
        Issuer("miit", "工业和信息化部", "national", "工信部企业〔{year}〕{no}号"),
        Issuer("most", "科学技术部", "national", "国科发火〔{year}〕{no}号"),
        Issuer("mca", "民政部", "national", "民发〔{year}〕{no}号"),
        Issuer("moa", "农业农村部", "national", "农财发〔{year}〕{no}号"),
        Issuer("nhsa", "国家医疗保障局", "national", "医保发〔{year}〕{no}号"),
        Issuer("js-gov-office", "江苏省人民政府办公厅", "provincial", "苏政办发〔{year}〕{no}号"),
        Issuer("js-hrss", "江苏省人力资源和社会保障厅", "provincial", "苏人社发〔{year}〕{no}号"),
        Issuer("js-finance", "江苏省财政厅", "provincial", "苏财规〔{year}〕{no}号"),
        Issuer("js-sci", "江苏省科学技术厅", "provincial", "苏科高发〔{year}〕{no}号"),
        Issuer("js-miit", "江苏省工业和信息化厅", "provincial", "苏工信中小〔{year}〕{no}号"),
        Issuer("nt-gov", "南通市人民政府", "city", "通政发〔{year}〕{no}号"),
        Issuer("nt-gov-office", "南通市人民政府办公室", "city", "通政办发〔{year}〕{no}号"),
        Issuer("nt-hrss", "南通市人力资源和社会保障局", "city", "通人社规〔{year}〕{no}号"),
        Issuer("rg-gov", "如皋市人民政府", "county", "皋政发〔{year}〕{no}号"),
        Issuer("rg-gov-office", "如皋市人民政府办公室", "county", "皋政办发〔{year}〕{no}号"),
        Issuer("rg-hrss", "如皋市人力资源和社会保障局", "county", "皋人社发〔{year}〕{no}号"),
        Issuer("rg-civil", "如皋市民政局", "county", "皋民发〔{year}〕{no}号"),
        Issuer("rg-sci", "如皋市科学技术局", "county", "皋科发〔{year}〕{no}号"),
        Issuer("rg-finance", "如皋市财政局", "county", "皋财发〔{year}〕{no}号"),
        Issuer("rg-tax", "国家税务总局如皋市税务局", "county", "皋税发〔{year}〕{no}号"),
        Issuer("rg-housing", "如皋市住房和城乡建设局", "county", "皋住建发〔{year}〕{no}号"),
        Issuer("rg-edu", "如皋市教育体育局", "county", "皋教体发〔{year}〕{no}号"),
        Issuer("rg-agri", "如皋市农业农村局", "county", "皋农发〔{year}〕{no}号"),
        Issuer("rg-health", "如皋市卫生健康委员会", "county", "皋卫健发〔{year}〕{no}号"),
        Issuer("rg-medins", "如皋市医疗保障局", "county", "皋医保发〔{year}〕{no}号"),
        Issuer("rg-miit", "如皋市工业和信息化局", "county", "皋工信发〔{year}〕{no}号"),
        Issuer("rg-commerce", "如皋市商务局", "county", "皋商发〔{year}〕{no}号"),
        Issuer("rg-market", "如皋市市场监督管理局", "county", "皋市监发〔{year}〕{no}号"),
        Issuer("rg-emergency", "如皋市应急管理局", "county", "皋应急发〔{year}〕{no}号"),
        Issuer("rg-culture", "如皋市文化广电和旅游局", "county", "皋文广旅发〔{year}〕{no}号"),
        Issuer("rg-transport", "如皋市交通运输局", "county", "皋交发〔{year}〕{no}号"),
        Issuer("rg-ecology", "南通市如皋生态环境局", "county", "皋环发〔{year}〕{no}号"),
        Issuer("rg-disabled", "如皋市残疾人联合会", "county", "皋残联发〔{year}〕{no}号"),
        Issuer("rg-veterans", "如皋市退役军人事务局", "county", "皋退役军人发〔{year}〕{no}号"),
    )
}

# The demo county's towns, shared with the demo data.
TOWNS: tuple[str, ...] = DEMO_TOWNS

LAWS: tuple[str, ...] = (
    "中华人民共和国就业促进法",
    "中华人民共和国社会保险法",
    "中华人民共和国老年人权益保障法",
    "中华人民共和国科学技术进步法",
    "中华人民共和国中小企业促进法",
    "中华人民共和国税收征收管理法",
    "优化营商环境条例",
    "中华人民共和国政府信息公开条例",
    "社会救助暂行办法",
    "江苏省优化营商环境条例",
)

# Title patterns; {city} is empty for national issuers.
TITLE_PATTERNS: tuple[str, ...] = (
    "{issuer}关于印发《{city}{subject}实施办法》的通知",
    "{issuer}关于印发《{city}{subject}实施细则》的通知",
    "{issuer}关于印发《{city}{subject}管理办法》的通知",
    "{issuer}关于进一步做好{subject}工作的通知",
    "{issuer}关于开展{year}年度{subject}申报工作的通知",
    "{issuer}关于{subject}有关事项的公告",
    "{issuer}关于加大{subject}支持力度的若干措施",
    "{city}{subject}工作实施方案（{year}—{year2}年）",
)

SALUTATIONS: tuple[str, ...] = (
    "各镇（区、街道）人民政府（办事处），市各委办局，市各直属单位：",
    "各镇（区、街道），市各有关部门：",
    "各有关单位：",
    "各有关企业、各有关单位：",
)

PREAMBLES: tuple[str, ...] = (
    "为深入贯彻落实党中央、国务院决策部署，进一步做好{subject}工作，结合{city}实际，"
    "现就有关事项通知如下。",
    "为进一步优化营商环境，加大{subject}政策支持力度，经研究同意，现将有关事项通知如下：",
    "根据《{law}》等有关规定，结合{city}实际，制定本办法。",
    "为切实保障和改善民生，推动{subject}政策落地见效，特制定本实施细则。",
    "为贯彻落实上级关于{subject}的工作要求，经{issuer}同意，现将有关事项通知如下。",
)

CONDITIONS: tuple[str, ...] = (
    "申报单位须在本市依法登记注册，具有独立法人资格，财务管理制度健全。",
    "申报单位近三年内未发生重大安全生产、环境污染和质量安全事故。",
    "申报单位须纳税信用良好，未被列入严重失信主体名单。",
    "同一项目不得重复申报多项同类财政奖补资金，已享受其他同类政策的不再重复支持。",
    "申请人应为本市户籍居民或持有本市居住证的常住人口。",
    "申报项目须符合国家产业政策和本市产业发展方向。",
)

MATERIALS: tuple[str, ...] = (
    "申报材料包括申请表、营业执照复印件和相关证明材料。",
    "申请人须提供身份证、户口簿及本人银行账户信息。",
    "申报单位对所提交材料的真实性负责，纸质材料一式{n}份。",
    "已通过数据共享获取的材料，不再要求申请人重复提供。",
    "委托他人代办的，还应提交授权委托书和代办人身份证件。",
)

PROCEDURE: tuple[str, ...] = (
    "申请人可通过“苏服办”如皋旗舰店或市政务服务中心{window}号窗口提出申请。",
    "受理部门应在{n}个工作日内完成审核，并将审核结果在政府网站公示5个工作日。",
    "公示无异议的，由财政部门将资金直接拨付至申请人账户。",
    "申报时间为{year}年{month}月1日至{month}月28日，逾期不予受理。",
    "推行“免申即享”，对通过数据比对确定的享受对象直接兑现政策。",
    "符合条件的申请人可在线提交申请，实现“不见面审批”。",
    "镇（区、街道）负责初审，主管部门会同财政部门进行复核。",
)

SAFEGUARDS: tuple[str, ...] = (
    "各部门要加强协调配合，形成工作合力，确保政策落地见效。",
    "财政、审计部门依法对资金使用情况进行监督检查。",
    "对弄虚作假骗取补贴资金的，依法追回资金，并纳入信用记录。",
    "加强政策宣传解读，提高政策知晓度和惠及面。",
    "各责任单位要建立工作台账，定期报送工作进展情况。",
    "将政策落实情况纳入年度高质量发展综合考核。",
)

CLOSING: tuple[str, ...] = (
    "本办法由{dept}负责解释。",
    "咨询电话：0513-8{phone}。",
    "本通知自{eff}起施行，有效期至{exp}。",
    "此前有关规定与本通知不一致的，以本通知为准。",
    "政策执行期间如遇国家和省有关政策调整，按新的规定执行。",
)

THEMES: tuple[Theme, ...] = (
    Theme(
        key="employment",
        weight=12,
        topics=("employment",),
        categories=("employment", "relief", "talent"),
        audiences=("enterprises", "both", "residents"),
        industries=("C", "F", "G", "H", "E"),
        issuers=("rg-hrss", "rg-hrss", "rg-gov-office", "rg-gov", "nt-hrss", "js-hrss", "mohrss"),
        common=(
            "{city}人力资源和社会保障部门负责政策的统筹实施和资金发放工作。",
            "就业补贴资金从就业补助资金中列支，实行专款专用，严禁挤占挪用。",
            "各镇（区、街道）要加强就业形势监测，及时掌握重点企业用工情况。",
            "对符合条件的重点群体，按规定落实社会保险补贴和岗位补贴。",
            "鼓励企业通过以工代训等方式稳定职工队伍，减少裁员。",
            "用人单位应依法与劳动者签订劳动合同并按时足额缴纳社会保险费。",
        ),
        subjects=(
            Subject(
                "稳岗返还",
                (
                    "对不裁员或少裁员的参保企业，按规定实施失业保险稳岗返还。",
                    "稳岗返还标准为企业及其职工上年度实际缴纳失业保险费的{pct}%，"
                    "大型企业按30%返还。",
                    "上年度未裁员或裁员率不高于{pct}%的中小微企业，可申请稳岗返还。",
                    "稳岗返还资金通过“免申即享”方式直接拨付至企业对公账户。",
                    "企业申领稳岗返还须在申请时处于正常参保状态，且不欠缴社会保险费。",
                ),
            ),
            Subject(
                "创业担保贷款",
                (
                    "符合条件的个人可申请最高{wan}万元的创业担保贷款，小微企业最高可申请300万元。",
                    "创业担保贷款期限最长不超过3年，财政部门按规定给予贴息。",
                    "返乡入乡创业人员首次创办小微企业的，可申请一次性创业补贴{amt}元。",
                    "对创业孵化基地按实际入驻实体数量给予运营补贴。",
                ),
            ),
            Subject(
                "就业见习",
                (
                    "离校2年内未就业高校毕业生和16至24岁失业青年可参加就业见习。",
                    "对吸纳就业见习人员的单位，按每人每月{amt}元标准给予就业见习补贴。",
                    "见习期满留用率达到{pct}%以上的见习单位，见习补贴标准适当提高。",
                    "企业吸纳登记失业高校毕业生并签订1年以上劳动合同的，给予一次性吸纳就业补贴。",
                ),
            ),
            Subject(
                "职业技能培训",
                (
                    "企业职工参加职业技能培训并取得证书的，按规定给予职业培训补贴。",
                    "取得初级工、中级工、高级工证书的，分别给予{amt}元、1500元、2000元技能提升补贴。",
                    "支持企业开展新型学徒制培训，每人每年补贴标准不低于{amt}元。",
                    "职业技能培训补贴实行“先垫后补”，培训结束后统一申领。",
                ),
            ),
        ),
    ),
    Theme(
        key="social-security",
        weight=9,
        topics=("social-security",),
        categories=("fee-reduction", "relief"),
        audiences=("both", "residents", "enterprises"),
        industries=(),
        issuers=("rg-hrss", "rg-medins", "rg-medins", "rg-gov-office", "nhsa", "mohrss", "js-hrss"),
        common=(
            "参保人员可通过社保卡、“江苏智慧人社”或政务服务平台查询个人权益记录。",
            "社保经办机构应当优化办理流程，实现社保业务“一网通办”。",
            "灵活就业人员可按规定以个人身份参加职工基本养老保险和医疗保险。",
            "社会保险费由税务部门统一征收，参保单位应按月申报缴纳。",
            "对困难群体参加城乡居民基本养老保险的，由政府按最低缴费档次代缴部分保费。",
        ),
        subjects=(
            Subject(
                "城乡居民基本养老保险",
                (
                    "城乡居民基本养老保险缴费档次设为每年{amt}元至5000元共若干档次。",
                    "年满60周岁、累计缴费满15年的参保人员，可按月领取养老保险待遇。",
                    "城乡居民基础养老金最低标准提高至每人每月{amt}元。",
                    "养老保险关系转移接续按照国家和省有关规定办理。",
                ),
            ),
            Subject(
                "城乡居民医疗保险",
                (
                    "城乡居民医疗保险个人缴费标准为每人每年{amt}元，财政补助标准相应提高。",
                    "参保人员住院费用在政策范围内的报销比例达到{pct}%。",
                    "门诊慢特病纳入医保统筹基金支付范围，年度最高支付限额为{wan}万元。",
                    "医保经办机构推行异地就医直接结算，减少群众垫资跑腿。",
                ),
            ),
            Subject(
                "阶段性缓缴社会保险费",
                (
                    "对生产经营困难的中小微企业，可申请阶段性缓缴社保费，缓缴期间免收滞纳金。",
                    "缓缴社会保险费期限不超过{n}个月，缓缴期满后按规定补缴。",
                    "阶段性降低失业保险、工伤保险费率政策延续实施至{year}年底。",
                    "企业申请缓缴社保的，应当提交书面申请和经营困难情况说明。",
                ),
            ),
            Subject(
                "工伤保险",
                (
                    "职工因工作遭受事故伤害或患职业病的，依法享受工伤保险待遇。",
                    "一次性工伤医疗补助金和伤残就业补助金按照省统一标准执行。",
                    "建筑业按项目参加工伤保险，实现在建项目参保全覆盖。",
                ),
            ),
        ),
    ),
    Theme(
        key="elderly-care",
        weight=8,
        topics=("elderly-care",),
        categories=("education-livelihood",),
        audiences=("residents", "residents", "both"),
        industries=(),
        issuers=("rg-civil", "rg-civil", "rg-gov-office", "rg-health", "nt-gov-office", "mca"),
        common=(
            "各镇（区、街道）要将养老服务工作纳入经济社会发展规划。",
            "民政部门负责养老服务政策的组织实施和监督管理。",
            "鼓励社会力量参与养老服务，推动养老服务市场健康发展。",
            "老年人及其家属可通过村（社区）便民服务中心或“苏服办”办理相关事项。",
            "对取得养老护理员职业技能等级证书的人员给予入职奖励。",
        ),
        subjects=(
            Subject(
                "高龄津贴",
                (
                    "本市户籍80周岁以上老年人按月享受高龄津贴，80至89周岁每人每月{amt}元。",
                    "90至99周岁老年人高龄津贴标准为每人每月200元，百岁老人每人每月{amt}元。",
                    "高龄津贴由户籍所在地村（居）委会受理，经镇（街道）审核后按月发放。",
                    "高龄津贴实行社会化发放，直接打入老年人社保卡或银行账户。",
                ),
            ),
            Subject(
                "居家养老服务",
                (
                    "为经济困难的失能、半失能老年人提供政府购买居家养老服务，每人每月{amt}元。",
                    "推进{town}等地区域性养老服务中心建设，打造“15分钟养老服务圈”。",
                    "对新建并运营的社区居家养老服务中心给予一次性建设补贴{wan}万元。",
                    "开展家庭养老床位建设，对适老化改造给予每户最高{amt}元补助。",
                ),
            ),
            Subject(
                "养老机构运营补贴",
                (
                    "对收住本市户籍老年人的养老机构，按实际收住人数给予运营补贴。",
                    "护理型床位运营补贴标准为每张床位每年{amt}元。",
                    "新建养老机构按核定床位给予每张{amt}元的一次性建设补贴。",
                    "养老机构应当落实消防安全和食品安全主体责任。",
                ),
            ),
            Subject(
                "老年人优待",
                (
                    "65周岁以上老年人凭身份证或老年人优待证免费乘坐城市公交。",
                    "公共文化体育设施对老年人免费或优惠开放。",
                    "医疗机构应当为老年人就医提供优先挂号、优先就诊等便利服务。",
                ),
            ),
        ),
    ),
    Theme(
        key="technology",
        weight=10,
        topics=("technology",),
        categories=("innovation", "technology", "talent"),
        audiences=("enterprises",),
        industries=("C", "I", "M", "39", "26", "35", "27"),
        issuers=("rg-sci", "rg-sci", "rg-miit", "rg-gov", "nt-gov", "js-sci", "most", "miit"),
        common=(
            "支持企业加大研发投入，建设企业技术中心和工程技术研究中心。",
            "科技主管部门会同财政部门对奖补资金使用情况进行绩效评价。",
            "对获得国家科学技术奖的单位，按照省市有关规定给予配套奖励。",
            "鼓励企业与高校、科研院所开展产学研合作，共建研发平台。",
            "支持引进高层次创新创业人才，对领军人才项目给予最高{wan}万元资助。",
        ),
        subjects=(
            Subject(
                "专精特新",
                (
                    "对首次认定为国家级专精特新“小巨人”企业的，一次性奖励{wan}万元。",
                    "对首次认定为省级专精特新中小企业的，给予{wan}万元奖励。",
                    "建立专精特新企业培育库，实施梯度培育，每年新增入库企业不少于{n}家。",
                    "专精特新中小企业在融资、上市辅导、人才引进等方面享受优先支持。",
                ),
            ),
            Subject(
                "高新技术企业培育",
                (
                    "对首次认定的高新技术企业给予{wan}万元奖励，重新认定的给予5万元奖励。",
                    "高新技术企业减按15%的税率征收企业所得税。",
                    "将高新技术企业培育入库企业纳入重点服务对象，实行“一企一策”精准辅导。",
                    "对当年营业收入首次超过{n}亿元的高新技术企业，再给予奖励。",
                ),
            ),
            Subject(
                "研发费用加计扣除",
                (
                    "企业开展研发活动实际发生的研发费用，按照实际发生额的100%在税前加计扣除。",
                    "科技型中小企业研发费用加计扣除比例提高至100%。",
                    "对研发投入占营业收入比例超过{pct}%的企业，按研发投入增量给予补助。",
                    "企业可在预缴申报时享受研发费用加计扣除优惠。",
                ),
            ),
            Subject(
                "知识产权",
                (
                    "对新授权的发明专利每件资助{amt}元，PCT国际专利每件资助{wan}万元。",
                    "对获得中国专利金奖的企业一次性奖励{wan}万元。",
                    "支持企业开展知识产权质押融资，按实际贷款利息的{pct}%给予贴息。",
                    "建立知识产权快速维权机制，加大侵权行为打击力度。",
                ),
            ),
        ),
    ),
    Theme(
        key="finance-tax",
        weight=10,
        topics=("finance-tax",),
        categories=("fiscal-tax", "fee-reduction"),
        audiences=("enterprises", "enterprises", "both"),
        industries=("C", "F", "G", "H", "L"),
        issuers=("rg-tax", "rg-tax", "rg-finance", "sta", "mof", "js-finance"),
        common=(
            "税务部门通过电子税务局推送优惠政策，确保纳税人应享尽享。",
            "纳税人可通过12366纳税服务热线咨询相关税费政策。",
            "各级财政部门要加强资金监管，确保惠企资金直达快享。",
            "对骗取税收优惠的行为，依法追缴税款并予以处罚。",
            "税费优惠政策实行“自行判别、申报享受、相关资料留存备查”的办理方式。",
        ),
        subjects=(
            Subject(
                "增值税留抵退税",
                (
                    "符合条件的小微企业可一次性退还存量留抵税额，并按月退还增量留抵税额。",
                    "纳税人申请留抵退税，应当在增值税纳税申报期内完成本期增值税纳税申报。",
                    "制造业等行业企业按月全额退还增值税增量留抵税额。",
                    "税务机关对留抵退税实行“即申即审、即审即退”。",
                ),
            ),
            Subject(
                "小微企业税费优惠",
                (
                    "对小型微利企业年应纳税所得额不超过300万元的部分，减按25%计入应纳税所得额。",
                    "小规模纳税人月销售额{n}万元以下的，免征增值税。",
                    "增值税小规模纳税人适用3%征收率的应税销售收入，减按1%征收率征收增值税。",
                    "对增值税小规模纳税人、小型微利企业和个体工商户减半征收“六税两费”。",
                ),
            ),
            Subject(
                "纳税信用管理",
                (
                    "纳税信用等级为A级纳税人的企业，可享受发票领用、出口退税等绿色通道。",
                    "对连续三年被评为A级纳税人的企业，银行给予信用贷款支持。",
                    "纳税信用评价结果通过电子税务局向纳税人公开。",
                    "纳税人对纳税信用评价结果有异议的，可以书面向主管税务机关申请复评。",
                ),
            ),
            Subject(
                "政府采购支持中小企业",
                (
                    "政府采购项目预留份额专门面向中小企业采购，预留比例不低于{pct}%。",
                    "对小微企业产品价格给予10%至20%的扣除，用扣除后的价格参与评审。",
                    "推行政府采购合同融资，中小企业可凭合同向金融机构申请贷款。",
                ),
            ),
        ),
    ),
    Theme(
        key="housing",
        weight=6,
        topics=("housing",),
        categories=("land-space", "talent"),
        audiences=("residents", "both"),
        industries=(),
        issuers=("rg-housing", "rg-housing", "rg-gov", "rg-finance", "nt-gov"),
        common=(
            "住房城乡建设部门负责住房保障政策的组织实施。",
            "申请人应如实申报家庭住房、收入和财产状况，弄虚作假的取消资格。",
            "住房保障对象实行动态管理，每年复核一次。",
            "积极培育发展住房租赁市场，推动租购并举。",
        ),
        subjects=(
            Subject(
                "公共租赁住房",
                (
                    "本市城区户籍中等偏下收入住房困难家庭可申请公共租赁住房。",
                    "公共租赁住房租金按同地段市场租金的{pct}%左右确定。",
                    "符合条件的新就业无房职工和外来务工人员纳入公租房保障范围。",
                    "对低保、低收入住房困难家庭发放租赁补贴，每户每月{amt}元。",
                ),
            ),
            Subject(
                "住房公积金",
                (
                    "缴存职工购买首套自住住房的，住房公积金贷款最高额度为{wan}万元。",
                    "住房公积金缴存比例为5%至12%，单位和职工缴存比例相同。",
                    "支持提取住房公积金支付房租，每年提取额度不超过{amt}元。",
                    "灵活就业人员可自愿缴存住房公积金。",
                ),
            ),
            Subject(
                "人才安居",
                (
                    "对新引进的博士、硕士在本市首次购房的，分别给予{wan}万元、10万元购房补贴。",
                    "全日制本科毕业生来如皋就业创业的，3年内每月发放租房补贴{amt}元。",
                    "人才公寓优先向重点企业引进人才配租。",
                ),
            ),
            Subject(
                "老旧小区改造",
                (
                    "将2000年以前建成的城镇老旧小区纳入改造范围。",
                    "老旧小区改造内容包括雨污分流、加装电梯、停车设施和适老化改造等。",
                    "既有多层住宅加装电梯的，每台给予{wan}万元财政补助。",
                ),
            ),
        ),
    ),
    Theme(
        key="agriculture",
        weight=8,
        topics=("agriculture",),
        categories=("industry", "finance"),
        audiences=("both", "residents", "enterprises"),
        industries=("A", "01", "03", "05", "13"),
        issuers=("rg-agri", "rg-agri", "rg-gov", "rg-finance", "nt-gov-office", "moa"),
        common=(
            "农业农村部门负责项目的组织申报、审核和监督检查。",
            "各镇（区、街道）要做好政策宣传，确保惠农资金及时足额发放到户。",
            "支持家庭农场、农民合作社等新型农业经营主体发展。",
            "坚持把保障粮食安全放在首位，稳定粮食播种面积。",
            "深入推进乡村振兴，促进农业高质高效、乡村宜居宜业、农民富裕富足。",
        ),
        subjects=(
            Subject(
                "高标准农田建设",
                (
                    "{year}年计划新建高标准农田{n}万亩，亩均财政投入不低于{amt}元。",
                    "高标准农田建设内容包括土地平整、灌溉排水、田间道路和农田防护等。",
                    "建成的高标准农田应及时上图入库，严禁占用和“非农化”。",
                ),
            ),
            Subject(
                "种粮补贴",
                (
                    "耕地地力保护补贴发放对象为拥有耕地承包权的种地农民，每亩{amt}元。",
                    "对实际种粮农民发放一次性农资补贴，缓解农资价格上涨带来的种粮增支影响。",
                    "对规模种粮主体给予每亩{amt}元的适度规模经营补贴。",
                    "稻谷、小麦最低收购价政策继续实施。",
                ),
            ),
            Subject(
                "农业保险",
                (
                    "水稻、小麦、玉米完全成本保险保费财政补贴比例为{pct}%。",
                    "鼓励发展地方特色农产品保险，对符合条件的险种给予保费补贴。",
                    "农业保险理赔实行“公开、公平、公正”，赔款直接支付到户。",
                ),
            ),
            Subject(
                "秸秆综合利用",
                (
                    "全面推进秸秆综合利用，秸秆综合利用率稳定在{pct}%以上。",
                    "对秸秆机械化还田作业给予每亩{amt}元补贴。",
                    "严格落实秸秆禁烧责任，发现露天焚烧秸秆的依法处理。",
                ),
            ),
        ),
    ),
    Theme(
        key="environment",
        weight=6,
        topics=("environment",),
        categories=("green",),
        audiences=("enterprises", "both"),
        industries=("D", "C", "N", "44", "77"),
        issuers=("rg-ecology", "rg-ecology", "rg-gov", "rg-miit", "nt-gov", "js-gov-office"),
        common=(
            "生态环境部门依法对企业污染物排放情况实施监督检查。",
            "坚决打好污染防治攻坚战，持续改善区域生态环境质量。",
            "企业应当依法申领排污许可证，按证排污。",
            "对环境违法行为实行“零容忍”，依法从严查处。",
        ),
        subjects=(
            Subject(
                "碳达峰碳中和",
                (
                    "到{year}年，单位地区生产总值能耗和碳排放强度持续下降。",
                    "推进重点行业节能降碳改造，严格控制高耗能、高排放项目盲目发展。",
                    "支持企业开展碳排放核查，参与全国碳排放权交易市场。",
                    "实施碳达峰行动，推动能源结构向清洁低碳转型。",
                ),
            ),
            Subject(
                "分布式光伏",
                (
                    "鼓励工业厂房、公共建筑屋顶建设分布式光伏，整县推进屋顶光伏开发。",
                    "对新建分布式光伏项目按装机容量给予每千瓦{amt}元补贴。",
                    "推广新能源汽车，加快充电桩等配套基础设施建设。",
                ),
            ),
            Subject(
                "大气污染防治",
                (
                    "重污染天气期间，企业应严格落实应急减排措施。",
                    "对完成超低排放改造的企业给予最高{wan}万元奖励。",
                    "加强工地扬尘管控，落实“六个百分百”要求。",
                    "挥发性有机物治理项目纳入环保专项资金支持范围。",
                ),
            ),
            Subject(
                "水环境治理",
                (
                    "全面落实河长制，推进重点河道综合整治。",
                    "农村生活污水治理覆盖率达到{pct}%以上。",
                    "严禁向河道倾倒垃圾和直排污水。",
                ),
            ),
        ),
    ),
    Theme(
        key="industry-digital",
        weight=8,
        topics=("technology",),
        categories=("digital", "industry", "finance"),
        audiences=("enterprises",),
        industries=("C", "I", "39", "63", "65", "34"),
        issuers=("rg-miit", "rg-miit", "rg-gov", "nt-gov", "js-miit", "miit"),
        common=(
            "工业和信息化部门负责项目的申报受理和绩效管理。",
            "支持企业加快技术改造，提升制造业高端化、智能化、绿色化水平。",
            "对当年设备投资额超过{wan}万元的工业项目，按设备投资额的{pct}%给予补助。",
            "规模以上工业企业可申报市级工业经济高质量发展奖励。",
        ),
        subjects=(
            Subject(
                "智能化改造数字化转型",
                (
                    "对实施智能化改造数字化转型项目的企业，按软硬件投入的{pct}%给予补助。",
                    "获评省级智能制造示范工厂的，一次性奖励{wan}万元。",
                    "开展智能化改造诊断服务，为中小企业免费提供诊断报告。",
                    "推动“机器换人”，建设一批智能车间。",
                ),
            ),
            Subject(
                "5G基站建设",
                (
                    "{year}年新建5G基站{n}百个，实现镇区以上5G网络全覆盖。",
                    "5G基站建设所需站址资源向运营企业免费开放。",
                    "对5G基站电费给予补贴，降低5G网络运营成本。",
                    "加快5G在工业互联网、智慧园区等场景的融合应用。",
                ),
            ),
            Subject(
                "工业互联网",
                (
                    "对企业上云上平台给予服务费用{pct}%的补贴。",
                    "支持建设工业互联网标识解析二级节点。",
                    "对获评省级星级上云企业的，给予{wan}万元奖励。",
                ),
            ),
            Subject(
                "数字经济发展",
                (
                    "大力发展数字经济，推动数字产业化和产业数字化。",
                    "对新引进的软件和信息技术服务企业，给予房租补贴。",
                    "建设数字经济产业园，集聚一批数据服务企业。",
                ),
            ),
        ),
    ),
    Theme(
        key="education",
        weight=6,
        topics=("education",),
        categories=("education-livelihood",),
        audiences=("residents",),
        industries=(),
        issuers=("rg-edu", "rg-edu", "rg-gov-office", "rg-finance", "js-gov-office"),
        common=(
            "教育体育部门负责学生资助和学位保障的组织实施。",
            "各学校要建立家庭经济困难学生认定工作机制。",
            "坚持教育优先发展，推进城乡义务教育一体化。",
            "严格落实“双减”政策，规范校外培训机构。",
        ),
        subjects=(
            Subject(
                "学生资助",
                (
                    "普通高中国家助学金平均资助标准为每生每年{amt}元。",
                    "中等职业学校全日制正式学籍学生免除学费。",
                    "对考入全日制普通高校的低保家庭新生给予一次性入学资助{amt}元。",
                    "生源地信用助学贷款每人每年最高{wan}万元。",
                ),
            ),
            Subject(
                "学前教育",
                (
                    "对普惠性民办幼儿园按在园幼儿数给予生均补助。",
                    "学前教育阶段家庭经济困难儿童每生每年资助{amt}元。",
                    "新建住宅小区应当按规定配套建设幼儿园。",
                ),
            ),
            Subject(
                "义务教育招生入学",
                (
                    "义务教育阶段公办学校实行划片招生、就近入学。",
                    "随迁子女凭居住证和就业证明在居住地接受义务教育。",
                    "{year}年秋季学期义务教育学校招生工作于{month}月启动。",
                ),
            ),
        ),
    ),
    Theme(
        key="health",
        weight=6,
        topics=("health",),
        categories=("education-livelihood",),
        audiences=("residents",),
        industries=(),
        issuers=("rg-health", "rg-health", "rg-medins", "nt-gov-office", "nhsa"),
        common=(
            "卫生健康部门负责基本公共卫生服务项目的组织实施。",
            "各医疗机构要落实分级诊疗制度，方便群众就近就医。",
            "基本公共卫生服务经费人均补助标准提高至{amt}元。",
            "居民可通过“健康如皋”平台预约挂号、查询检查结果。",
        ),
        subjects=(
            Subject(
                "家庭医生签约服务",
                (
                    "家庭医生签约服务重点人群签约率达到{pct}%以上。",
                    "签约居民可享受优先预约、健康管理和长期处方等服务。",
                    "家庭医生团队为65岁以上老年人每年提供一次免费健康体检。",
                ),
            ),
            Subject(
                "医疗救助",
                (
                    "对低保对象、特困人员等救助对象，政策范围内个人自付医疗费用按{pct}%比例救助。",
                    "医疗救助年度救助限额为{wan}万元。",
                    "对因病致贫的重病患者实施倾斜救助。",
                ),
            ),
            Subject(
                "妇幼健康",
                (
                    "为孕产妇提供免费产前筛查和新生儿疾病筛查服务。",
                    "农村适龄妇女“两癌”免费检查覆盖率达到{pct}%。",
                    "落实三孩生育政策，发放育儿补贴每孩每年{amt}元。",
                ),
            ),
        ),
    ),
    Theme(
        key="assistance",
        weight=5,
        # 社会救助: the contract's "civil-affairs" is not in the taxonomy (which calls it
        # "social-assistance"), so it is filed under the one code both accept.
        topics=("social-security",),
        categories=("relief", "education-livelihood"),
        audiences=("residents",),
        industries=(),
        issuers=("rg-civil", "rg-civil", "rg-disabled", "rg-veterans", "rg-gov-office", "mca"),
        common=(
            "民政部门负责社会救助工作的统筹协调。",
            "社会救助实行“一门受理、协同办理”。",
            "对主动发现的困难群众，及时纳入救助范围。",
        ),
        subjects=(
            Subject(
                "最低生活保障",
                (
                    "城乡低保标准统一为每人每月{amt}元。",
                    "低保家庭中的重度残疾人、重病患者可单独纳入低保。",
                    "低保对象实行动态管理，定期核查家庭经济状况。",
                ),
            ),
            Subject(
                "临时救助",
                (
                    "对遭遇突发事件导致基本生活陷入困境的家庭，给予临时救助。",
                    "临时救助标准一般不超过当地月低保标准的{n}倍。",
                    "对急难型救助对象实行“先救助、后补证”。",
                ),
            ),
            Subject(
                "残疾人两项补贴",
                (
                    "困难残疾人生活补贴标准为每人每月{amt}元。",
                    "重度残疾人护理补贴标准为每人每月{amt}元。",
                    "对残疾人自主创业的给予一次性创业补贴。",
                ),
            ),
        ),
    ),
    Theme(
        key="transport",
        weight=4,
        topics=("transport",),
        categories=("industry", "market"),
        audiences=("both", "residents"),
        industries=("G", "54", "58", "59"),
        issuers=("rg-transport", "rg-transport", "rg-gov-office", "nt-gov"),
        common=(
            "交通运输部门负责项目的组织实施和质量安全监管。",
            "加快构建便捷顺畅的综合交通运输体系。",
            "推进“四好农村路”高质量发展。",
        ),
        subjects=(
            Subject(
                "农村公路",
                (
                    "{year}年新改建农村公路{n}十公里，改造危桥{n}座。",
                    "农村公路养护资金纳入财政预算，每公里每年不低于{amt}元。",
                    "实施农村公路安全生命防护工程。",
                ),
            ),
            Subject(
                "城乡公交一体化",
                (
                    "推进城乡公交一体化，镇村公交开通率达到100%。",
                    "对城乡公交企业给予成品油价格补助和运营补贴。",
                    "老年人、残疾人、现役军人凭有效证件免费乘坐公交。",
                ),
            ),
            Subject(
                "现代物流",
                (
                    "对新建冷链物流设施的企业给予设备投资额{pct}%的补助。",
                    "完善县乡村三级物流配送体系，发展农村电商物流。",
                    "对开通货运班列的物流企业给予运费补贴。",
                ),
            ),
        ),
    ),
    Theme(
        key="emergency",
        weight=4,
        topics=("emergency",),
        categories=("relief",),
        audiences=("both", "enterprises"),
        industries=("B", "C", "26", "E"),
        issuers=("rg-emergency", "rg-emergency", "rg-gov-office", "js-gov-office"),
        common=(
            "应急管理部门负责组织指导安全生产和应急救援工作。",
            "各单位要严格落实安全生产主体责任，全面开展隐患排查治理。",
            "坚持人民至上、生命至上，牢牢守住安全底线。",
        ),
        subjects=(
            Subject(
                "安全生产",
                (
                    "对发生较大以上生产安全事故的企业，依法实施联合惩戒。",
                    "推动中小企业安全生产标准化建设，达标企业给予{wan}万元奖励。",
                    "危险化学品企业必须落实重大危险源包保责任制。",
                ),
            ),
            Subject(
                "防汛防台",
                (
                    "每年{month}月至9月为汛期，各单位实行24小时值班制度。",
                    "加强防汛物资储备，及时转移危险区域群众。",
                    "对因自然灾害受损的农户发放救灾资金。",
                ),
            ),
            Subject(
                "消防安全",
                (
                    "高层建筑、人员密集场所应当落实消防安全“四个能力”建设。",
                    "电动自行车严禁在楼道、安全出口处停放充电。",
                    "九小场所消防安全专项整治行动持续开展至{year}年底。",
                ),
            ),
        ),
    ),
    Theme(
        key="culture-tourism",
        weight=4,
        topics=("culture-tourism",),
        categories=("market",),
        audiences=("both", "enterprises"),
        industries=("R", "61", "62", "88"),
        issuers=("rg-culture", "rg-culture", "rg-commerce", "nt-gov-office"),
        common=(
            "文化广电和旅游部门负责活动的组织实施。",
            "推动文旅深度融合，擦亮“长寿之乡”文旅品牌。",
            "鼓励旅行社组织游客来如皋旅游，按接待人数给予奖励。",
        ),
        subjects=(
            Subject(
                "文旅消费券",
                (
                    "发放文旅消费券{n}十万元，用于景区门票、酒店住宿和文化演出消费。",
                    "消费券通过“云闪付”平台领取，每人每次限领一张。",
                    "对参与消费券活动的商户给予宣传推广支持。",
                ),
            ),
            Subject(
                "非物质文化遗产保护",
                (
                    "对认定为国家级非遗代表性传承人的，每年给予传习补助{amt}元。",
                    "支持如皋盆景、花丝等非遗项目开展生产性保护。",
                    "鼓励非遗进校园、进社区、进景区。",
                ),
            ),
            Subject(
                "旅游景区提档升级",
                (
                    "对新评定的国家4A级旅游景区一次性奖励{wan}万元。",
                    "推进水绘园等重点景区提档升级。",
                    "支持乡村旅游重点村建设，发展民宿经济。",
                ),
            ),
        ),
    ),
    Theme(
        key="business",
        weight=6,
        # 营商环境/金融支持: the contract's "market-regulation" is not in the taxonomy (which
        # has "business-environment"), so these policies are filed under finance-tax.
        topics=("finance-tax",),
        categories=("finance", "market", "relief"),
        audiences=("enterprises",),
        industries=("C", "F", "G", "J", "L"),
        issuers=("rg-gov-office", "rg-finance", "rg-market", "rg-commerce", "nt-gov-office"),
        common=(
            "持续优化营商环境，全面推行“一网通办”“一件事一次办”。",
            "市场监管部门推进经营主体登记便利化。",
            "对新设立的个体工商户，实行“准入即准营”。",
            "支持企业开拓国内外市场，参加境内外重点展会给予展位费补贴。",
        ),
        subjects=(
            Subject(
                "普惠金融支持",
                (
                    "设立{n}亿元中小企业转贷应急资金，为企业提供低成本转贷服务。",
                    "对银行新增普惠小微贷款给予风险补偿。",
                    "政府性融资担保机构担保费率降至1%以下。",
                    "推广“苏服贷”等线上信用贷款产品。",
                ),
            ),
            Subject(
                "外贸稳增长",
                (
                    "对出口信用保险保费给予{pct}%补助。",
                    "支持跨境电商企业建设海外仓。",
                    "对首次实现自营出口的企业给予{wan}万元奖励。",
                ),
            ),
            Subject(
                "减租降费",
                (
                    "对承租国有房屋的小微企业和个体工商户减免{n}个月房屋租金。",
                    "水电气接入实行“零上门、零审批、零投资”。",
                    "全面清理规范涉企收费，坚决制止乱收费、乱罚款、乱摊派。",
                ),
            ),
        ),
    ),
)
