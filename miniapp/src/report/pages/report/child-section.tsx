import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type ChildSummary } from '../../../api';
import { Cell } from '../../../components/cell';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSection, TextField } from '../../../components/form-section';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { SEARCH_TEXT_MAX } from '../../../lib/child-search';
import { reportTextLimits, type ConcernReportForm, type PickedChild } from '../../../lib/concern-report-form';
import { villageNameOf } from '../../../lib/format';
import { api } from '../../../services/api';
import { rememberRegionNames } from '../../../services/region-names';

/** One page of the user's children is enough to pick from; a longer list is searched by name. */
const PICK_PAGE = 20;
/** Wait for a pause in typing before asking the server. */
const SEARCH_PAUSE_MS = 400;

type Change = (update: (form: ConcernReportForm) => ConcernReportForm) => void;

const childDescriptionHint = '如：男孩，七八岁，穿红色上衣，常在村口小卖部附近；知道姓名的话请写上';

/** 是哪个孩子: signed in, one of the user's children or a child described; public (or a volunteer), described. */
export function ChildSection({ form, error, mayPickKnown, guardian, change }: {
  form: ConcernReportForm;
  error?: string;
  mayPickKnown: boolean;
  /** A guardian's children are "my children"; a worker's are "the list". */
  guardian: boolean;
  change: Change;
}) {
  const choices = [
    { value: 'known' as const, label: guardian ? '我的孩子' : '名单中的孩子' },
    { value: 'unknown' as const, label: guardian ? '别的孩子' : '名单外的孩子' },
  ];
  return (
    <FormSection title='是哪个孩子' error={error} id='child'>
      {mayPickKnown ? (
        <ChoiceChips
          idPrefix='child-choice'
          choices={choices}
          selected={form.childChoice ? [form.childChoice] : []}
          onToggle={(childChoice) => change((f) => ({ ...f, childChoice }))}
        />
      ) : null}
      {form.childChoice === 'known' ? (
        <KnownChildPicker child={form.child} onPick={(child) => change((f) => ({ ...f, child }))} />
      ) : null}
      {form.childChoice === 'unknown' ? (
        <View className='child-description'>
          <Text className='field-label'>请描述这个孩子</Text>
          <TextField
            id='child-description'
            value={form.childDescription}
            limit={reportTextLimits.childDescription}
            placeholder={childDescriptionHint}
            onChange={(childDescription) => change((f) => ({ ...f, childDescription }))}
          />
        </View>
      ) : null}
    </FormSection>
  );
}

function pickedOf(child: ChildSummary, regionNames: Record<string, string>): PickedChild {
  return { id: child.id, name: child.name, villageName: villageNameOf(child.region, regionNames) };
}

/** The child once picked (with 换一个), or the user's children to pick from, searched by name when they are many. */
function KnownChildPicker({ child, onPick }: { child: PickedChild | null; onPick: (child: PickedChild | null) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ items: PickedChild[]; more: boolean } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    if (child) return undefined;
    let current = true;
    const q = text.trim();
    const timer = setTimeout(
      () => {
        api.listChildren({ limit: PICK_PAGE, ...(q ? { q } : {}) }).then(
          (page) => {
            if (!current) return;
            rememberRegionNames(page.regionNames);
            setFound({ items: page.items.map((item) => pickedOf(item, page.regionNames)), more: page.nextCursor !== null });
            setFailure(null);
          },
          (e: unknown) => current && setFailure(asApiError(e)),
        );
      },
      q ? SEARCH_PAUSE_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [child, text]);

  if (child) {
    return (
      <View className='picked-child' id='picked-child'>
        <View className='picked-child__body'>
          <Text className='picked-child__name'>{child.name}</Text>
          {child.villageName ? <Text className='picked-child__village'>{child.villageName}</Text> : null}
        </View>
        <Text className='link' id='picked-child-change' onClick={() => onPick(null)}>
          换一个
        </Text>
      </View>
    );
  }
  const searching = text.trim() !== '';
  return (
    <View className='child-picker'>
      {failure ? <ErrorNotice error={{ title: failure.title, detail: '也可以选“名单外的孩子”，描述这个孩子' }} /> : null}
      {found?.more || searching ? (
        <Input
          className='form-input'
          id='child-picker-search'
          type='text'
          placeholder='输入孩子的姓名查找'
          maxlength={SEARCH_TEXT_MAX}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
      ) : null}
      {found === null && !failure ? <LoadingState /> : null}
      {found?.items.length === 0 ? <EmptyState text={searching ? '没有找到这个名字' : '名单中还没有孩子'} /> : null}
      {found && found.items.length > 0 ? <Text className='place-prompt'>点孩子的名字选择</Text> : null}
      {found?.items.map((item) => (
        <Cell key={item.id} id={`pick-child-${item.id}`} className='pick-child' title={item.name} note={item.villageName} onClick={() => onPick(item)} />
      ))}
    </View>
  );
}
