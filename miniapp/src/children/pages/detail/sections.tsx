import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { maskIdNumber } from '../../../../../functions/src/domain/masking';
import type { ChildDetail, TeamMember } from '../../../api';
import { CallButton } from '../../../components/call-button';
import { Cell, CellGroup } from '../../../components/cell';
import { Tag } from '../../../components/tag';
import { formatDate, orUnrecorded, placeNameOf } from '../../../lib/format';
import {
  childCategoryNames,
  childFlagNames,
  childStatusNames,
  guardianRelationNames,
  labelOf,
  legalBasisKindNames,
  teamRoleDuties,
} from '../../../lib/labels';
import { knownRegionNames } from '../../../services/region-names';

export function BasicInfo({ child }: { child: ChildDetail }) {
  // The full ID number is in this audited read, but it is only shown on request (shoulder-surfing).
  const [showIdNumber, setShowIdNumber] = useState(false);
  const place = placeNameOf(child.region, knownRegionNames());
  return (
    <CellGroup title='基本信息'>
      <Cell title='出生日期' value={formatDate(child.birthDate)} />
      {'idNumber' in child ? (
        <Cell
          title='身份证号'
          note={child.idNumber ? (showIdNumber ? '点击隐藏' : '点击查看完整号码') : undefined}
          value={child.idNumber ? (showIdNumber ? child.idNumber : maskIdNumber(child.idNumber)) : '未登记'}
          onClick={child.idNumber ? () => setShowIdNumber(!showIdNumber) : undefined}
        />
      ) : null}
      {place ? <Cell title='所在地' value={place} /> : null}
      <Cell title='家庭住址' value={child.address} className='child-address' />
      <Cell title='档案状态' value={labelOf(childStatusNames, child.status)} />
      <Cell title='登记日期' value={formatDate(child.registeredOn)} />
    </CellGroup>
  );
}

/** Categories and circumstances: absent for roles that do not receive them (no labelling of families). */
export function Circumstances({ child }: { child: ChildDetail }) {
  if (!child.categories && !child.flags) return null;
  return (
    <CellGroup title='类别与情况' className='child-circumstances'>
      {child.categories ? (
        <Cell title='儿童类别'>
          <View className='tags'>
            {child.categories.map((category) => (
              <Tag key={category} tone='neutral' className='category-tag'>
                {labelOf(childCategoryNames, category)}
              </Tag>
            ))}
          </View>
        </Cell>
      ) : null}
      {child.flags ? (
        <Cell title='家庭情况' value={child.flags.length === 0 ? '无' : undefined}>
          {child.flags.length > 0 ? (
            <View className='tags'>
              {child.flags.map((flag) => (
                <Tag key={flag} tone='grey' className='flag-tag'>
                  {labelOf(childFlagNames, flag)}
                </Tag>
              ))}
            </View>
          ) : null}
        </Cell>
      ) : null}
    </CellGroup>
  );
}

export function GuardiansSection({ guardians }: { guardians: ChildDetail['guardians'] }) {
  return (
    <CellGroup title='监护人' className='child-guardians'>
      {guardians.map((guardian, index) => (
        <Cell
          key={`${guardian.name}-${index}`}
          className='guardian'
          title={guardian.name}
          note={labelOf(guardianRelationNames, guardian.relation)}
          value={orUnrecorded(guardian.phone)}
          onClick={guardian.phone ? () => void Taro.makePhoneCall({ phoneNumber: guardian.phone! }) : undefined}
        />
      ))}
    </CellGroup>
  );
}

/**
 * R1: the child's team by name and role, the social worker who visits first; each with a tap to call their work
 * phone (issue 7, B7), so a family knows whom to ring.
 */
export function TeamSection({ members }: { members: TeamMember[] }) {
  return (
    <CellGroup title='执行小组' className='child-team'>
      {members.length > 0 ? (
        members.map((member) => (
          <Cell
            key={member.role}
            id={`team-${member.role}`}
            className='team-member'
            title={member.name || '未登记'}
            note={labelOf(teamRoleDuties, member.role)}
            action={member.phone ? <CallButton phone={member.phone} id={`call-${member.role}`} /> : undefined}
          />
        ))
      ) : (
        <View className='child-detail__note'>
          <Text>尚未组建执行小组，有事请先联系村（居）儿童主任</Text>
        </View>
      )}
    </CellGroup>
  );
}

export function LegalBasisSection({ child }: { child: ChildDetail }) {
  if (!('legalBasis' in child) || child.legalBasis === undefined) return null;
  const basis = child.legalBasis;
  return (
    <CellGroup title='信息处理依据' className='child-legal-basis'>
      {basis === null ? <Cell title='依据' value='未登记' /> : null}
      {basis?.kind === 'statutoryDuty' ? (
        <Cell title={labelOf(legalBasisKindNames, basis.kind)} note={basis.authority} />
      ) : null}
      {basis?.kind === 'guardianConsent' ? (
        <Cell
          title={labelOf(legalBasisKindNames, basis.kind)}
          note={`${basis.guardianName} 于 ${formatDate(basis.consentedOn)} 同意 · 档案号 ${basis.recordRef}`}
        />
      ) : null}
    </CellGroup>
  );
}
