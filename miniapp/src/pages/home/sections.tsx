import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { EmptyState, LoadingState } from '../../components/states';
import { formatAge } from '../../lib/age';
import { villageNameOf } from '../../lib/format';
import { genderNames, labelOf } from '../../lib/labels';
import type { ChildListPage } from '../../api';
import { formatHeadcount } from '../../lib/roster';
import { routes } from '../../services/routes';

export function StaffSection({ count, scope }: { count: number | null; scope: string }) {
  return (
    <CellGroup title='工作'>
      <Cell
        id='entry-children'
        className='entry-children'
        title='儿童名单'
        note={scope ? `${scope}的儿童` : '我负责的儿童'}
        value={count === null ? '…' : formatHeadcount(count)}
        onClick={() => void Taro.navigateTo({ url: routes.children })}
      />
    </CellGroup>
  );
}

export function GuardianSection({ family }: { family: ChildListPage | null }) {
  const now = new Date();
  return (
    <CellGroup title='我的孩子'>
      {family === null ? <LoadingState /> : null}
      {family && family.items.length === 0 ? (
        <EmptyState text='还没有关联的孩子' detail='请联系所在村（居）的儿童主任' />
      ) : null}
      {family?.items.map((child) => (
        <Cell
          key={child.id}
          id={`my-child-${child.id}`}
          className='my-child'
          title={child.name}
          note={[labelOf(genderNames, child.gender), formatAge(child.birthDate, now), villageNameOf(child.region, family.regionNames)]
            .filter(Boolean)
            .join(' · ')}
          onClick={() => void Taro.navigateTo({ url: routes.child(child.id) })}
        />
      ))}
    </CellGroup>
  );
}

/** R8: nobody handles child data before signing the pledge; the server enforces it, this says why the list is empty. */
export function PledgeNotice() {
  return (
    <View className='error-notice pledge-notice' id='pledge-notice' onClick={() => void Taro.navigateTo({ url: routes.pledge })}>
      <Text>您尚未签署《儿童保护承诺书》，签署后才能查看儿童信息。</Text>
      <Text className='error-notice__detail'>点此阅读并签署 ›</Text>
    </View>
  );
}

/** R8: volunteers sign the pledge before any contact, and handle no child records at all. */
export function VolunteerSection({ pledgeSigned }: { pledgeSigned: boolean | null }) {
  return (
    <View>
      <CellGroup title='志愿服务'>
        <Cell
          id='pledge-status'
          title='儿童保护承诺书'
          value={pledgeSigned === null ? '…' : pledgeSigned ? '已签署' : '未签署'}
          onClick={() => void Taro.navigateTo({ url: routes.pledge })}
        />
        <Cell
          id='entry-activities'
          title='集体活动'
          note='报名参加本机构的关爱活动'
          onClick={() => void Taro.navigateTo({ url: routes.activities })}
        />
      </CellGroup>
      <Text className='group-footer volunteer-note'>
        志愿者不查看儿童档案。参加关爱服务活动前，须先签署《儿童保护承诺书》，并保护儿童和家庭的隐私。
      </Text>
    </View>
  );
}
