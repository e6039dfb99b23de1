import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef } from 'react';
import type { PolicyPreview, PolicyRefreshView } from '../../../api';
import { formatDateTime } from '../../../lib/beijing-time';
import { limitChangesInShort, LIMITS_TAKE_EFFECT_NOTE } from '../../../lib/acknowledge-limit-choice';
import {
  changesOf,
  confirmationOf,
  describePreview,
  isChanged,
  maySave,
  POLICY_CONFLICT_NOTE,
  rulesChanged,
  saveQuestionTitle,
  savedNote,
  type PolicyChanges,
} from '../../../lib/policy-choice';
import { RefreshProgress } from './refresh-progress';
import type { PolicyEditor } from './use-policy-editor';

/**
 * Kept in sight at the bottom while rules are ticked: what saving would move (before saving), what the save did
 * (after) and how far the recomputation of the children it started has come, and 保存, which asks first and sends once.
 */
export function PolicyFooter({ editor, refresh }: { editor: PolicyEditor; refresh: PolicyRefreshView | null }) {
  const { saved, choice, preview, saving, rules } = editor;
  // The modal is open: a second tap must not open another.
  const asking = useRef(false);
  if (!saved || !choice || !rules) return null;
  const canSave = maySave(choice, saved) && !saving && preview.status !== 'loading' && preview.status !== 'failed';

  async function confirmAndSave() {
    if (!canSave || asking.current || !saved || !choice || !rules) return;
    asking.current = true;
    try {
      const ready = preview.status === 'ready' ? preview.preview : null;
      const content = confirmationOf(ready, choice, saved, rules);
      const title = saveQuestionTitle(changesOf(choice, saved));
      const { confirm } = await Taro.showModal({ title, content, confirmText: '保存', cancelText: '再看看' });
      if (confirm && (await editor.save())) void Taro.showToast({ title: '已保存', icon: 'success' });
    } finally {
      asking.current = false;
    }
  }

  return (
    <View className='policy-footer'>
      {refresh ? <RefreshProgress refresh={refresh} /> : null}
      <View className='policy-preview' id='policy-preview'>
        <FooterText editor={editor} />
      </View>
      <Button
        className='button button--primary'
        id='policy-save'
        // Only ever `true` or absent (Taro's H5 button greys out disabled="false" too). No `loading`: on H5 its
        // spinner is inserted before the label's text node, which Stencil fails at (insertBefore) when it toggles.
        disabled={!canSave || undefined}
        onClick={() => void confirmAndSave()}
      >
        {saving ? '保存中…' : '保存'}
      </Button>
    </View>
  );
}

function FooterText({ editor }: { editor: PolicyEditor }) {
  const { preview, saved, choice, result, saveError, conflict } = editor;
  if (!saved || !choice) return null;
  // Said here, in sight: the officer tapped 保存 at the bottom, far from the top of a long page.
  if (conflict) {
    return (
      <Text className='policy-preview__headline policy-preview--warn' id='policy-conflict'>
        {POLICY_CONFLICT_NOTE}
      </Text>
    );
  }
  if (saveError) return <Text className='policy-preview__headline policy-preview--warn'>保存没有成功：{saveError.message}</Text>;
  if (choice.ruleIds.length === 0) return <Text className='policy-preview__headline policy-preview--warn'>请至少选择一条规则</Text>;
  if (!isChanged(choice, saved)) {
    if (result) return <SavedResult at={result.policy.updatedAt} changes={result.changes} preview={result.preview} />;
    return <Text className='policy-preview__quiet'>{saved.chosen ? '未做修改。勾选或取消规则后，这里会先算出影响再保存' : '保存后，本区即按上面勾选的规则执行'}</Text>;
  }
  // Only the limits: no visit moves, so no preview; what changes and from when instead.
  if (!rulesChanged(choice, saved)) {
    return (
      <View id='limits-pending'>
        <Text className='policy-preview__headline'>受理时限：{limitChangesInShort(choice.acknowledgeLimits, saved.acknowledgeLimits)}</Text>
        <Text className='policy-preview__quiet policy-preview__note'>{LIMITS_TAKE_EFFECT_NOTE}</Text>
      </View>
    );
  }
  switch (preview.status) {
    case 'unchanged':
    case 'loading':
      return <Text className='policy-preview__quiet'>正在计算对全区儿童的影响…</Text>;
    case 'failed':
      return (
        <Text className='policy-preview__headline policy-preview--warn'>
          算不出影响：{preview.error.message}
          <Text className='link policy-preview__retry' id='preview-retry' onClick={editor.retryPreview}>
            重试
          </Text>
        </Text>
      );
    case 'ready':
      return <PreviewCounts preview={preview.preview} />;
  }
}

/** The preview's numbers with ids the browser tests read: `preview-added` before the save, `result-added` after. */
function PreviewCounts({ preview, saved = false }: { preview: PolicyPreview; saved?: boolean }) {
  const id = saved ? 'result' : 'preview';
  const { headline, counts } = describePreview(preview, saved);
  return (
    <View>
      <Text className='policy-preview__headline' id={`${id}-headline`}>
        {headline}
      </Text>
      <View className='preview-counts'>
        {counts.map((count) => (
          <View key={count.key} className='preview-count'>
            <Text className='preview-count__value' id={`${id}-${count.key}`}>
              {count.value}
            </Text>
            <Text className='preview-count__label'>{count.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function SavedResult({ at, changes, preview }: { at: string | null; changes: PolicyChanges; preview: PolicyPreview | null }) {
  return (
    <View className='policy-result' id='policy-result'>
      <Text className='policy-result__title'>
        ✓ 已{at ? `于 ${formatDateTime(at, new Date())} ` : ''}保存，{savedNote(changes)}
      </Text>
      {preview ? <PreviewCounts preview={preview} saved /> : null}
    </View>
  );
}
