import {
  CASE_KIND_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_NECESSITY_LABELS,
  MATERIAL_SOURCE_LABELS,
  MATTER_TYPE_LABELS,
  ONLINE_DEPTH_LABELS,
  RESULT_TYPE_LABELS,
  SERVICE_OBJECT_LABELS,
  formatTimeLimit,
  formatVisits,
  type Department,
  type Matter,
} from '../core/index.ts';

const list = (items: readonly string[]) => items.map((item, i) => `  ${i + 1}. ${item}`).join('\n');

/** 办事指南 as plain text for a terminal, Chinese as the hall prints it. */
export const formatMatterGuide = (matter: Matter, department: Department | undefined): string => {
  const materials = matter.materials.map((m, i) => {
    const tags = [MATERIAL_NECESSITY_LABELS[m.necessity], MATERIAL_SOURCE_LABELS[m.source], MATERIAL_FORM_LABELS[m.form]];
    return `  ${i + 1}. ${m.name}（${tags.join('，')}；原件${m.originals}份，复印件${m.copies}份）\n     受理标准：${m.acceptanceStandard}`;
  });
  return [
    `${matter.name}`,
    `  实施编码 ${matter.code}`,
    `  基本编码 ${matter.basicCode}    版本 ${matter.version}`,
    `  事项类型 ${MATTER_TYPE_LABELS[matter.type]}    实施主体 ${department?.fullName ?? matter.departmentId}`,
    `  服务对象 ${matter.serviceObjects.map((o) => SERVICE_OBJECT_LABELS[o]).join('、')}    办件类型 ${CASE_KIND_LABELS[matter.caseKind]}`,
    `  法定时限 ${formatTimeLimit(matter.legalLimit, { withNote: true })}    承诺时限 ${formatTimeLimit(matter.promisedLimit, { withNote: true })}`,
    `  到现场次数 ${formatVisits(matter.visits)}    网上办理深度 ${ONLINE_DEPTH_LABELS[matter.onlineDepth]}    收费 ${matter.fee.charged ? `是（${matter.fee.basis ?? ''}）` : '不收费'}`,
    `  审批结果 ${matter.result.name}（${RESULT_TYPE_LABELS[matter.result.type]}）`,
    `  办理地点 ${matter.location}    办理时间 ${matter.hours}`,
    `  咨询电话 ${matter.consultationPhone}    投诉电话 ${matter.complaintPhone}`,
    `受理条件`,
    list(matter.acceptanceConditions),
    `申请材料`,
    materials.join('\n'),
    `办理流程`,
    list(matter.processSteps.map((s) => `${s.name}：${s.description}`)),
    `审查要点`,
    list(matter.reviewPoints),
    `设定依据`,
    list(matter.legalBasis),
  ].join('\n');
};
