import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isApiError, type QuarterlyDispatchView } from '../../../api';
import { DraftNotice } from '../../../components/draft-notice';
import { TextSection } from '../../../components/form-section';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useLeaveWarning } from '../../../hooks/use-leave-warning';
import { DISPATCH_SECTION_MAX, dispatchFormOf, dispatchSectionFields } from '../../../lib/dispatch-form';
import { api } from '../../../services/api';
import { dispatchDrafts } from '../../../services/dispatch-drafts';

const LEAVE_MESSAGE = '简报还没有保存，离开后内容会保留在本机，下次打开可继续填写。确定离开吗？';

/**
 * The supervisor's three sections of the dispatch (R24). What is typed is kept on the phone until it is saved, so
 * going back to the month, a reload or a closed app loses nothing; a save made elsewhere in between is not overwritten
 * unasked (409): the text stays here and the next save is made over the newer version.
 */
export function DispatchEditor({ view, userId, onSaved }: { view: QuarterlyDispatchView; userId: string; onSaved: () => void }) {
  const draft = useFormDraft(dispatchDrafts, userId, `${view.town.id}.${view.quarter}`, () => dispatchFormOf(view));
  const { form, edit } = draft;
  const [saving, setSaving] = useState(false);
  useLeaveWarning(draft.dirty, LEAVE_MESSAGE);

  async function save() {
    setSaving(true);
    try {
      const { baseVersion, ...sections } = form;
      await api.saveQuarterlyDispatch(view.town.id, view.quarter, { ...sections, version: baseVersion });
      draft.done();
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    } catch (error) {
      if (isApiError(error) && error.status === 409) await takeOverNewerVersion();
      else void Taro.showModal({ title: '没能保存', content: isApiError(error) ? error.detail || error.title : '请稍后再试', showCancel: false });
    } finally {
      setSaving(false);
    }
  }

  async function takeOverNewerVersion() {
    const newer = await api.quarterlyDispatch(view.town.id, view.quarter).catch(() => null);
    if (newer) draft.adjust((typed) => ({ ...typed, baseVersion: newer.version }));
    const by = newer?.updatedByName ? `${newer.updatedByName}刚` : '刚刚有人';
    void Taro.showModal({
      title: '简报已在别处保存过',
      content: `${by}保存了这份简报。本页填写的内容仍然保留；核对后再点“保存”，将以本页内容为准。`,
      showCancel: false,
    });
  }

  async function discard() {
    const { confirm } = await Taro.showModal({ title: '放弃本机未保存的内容？', content: '将显示已保存的简报，放弃的内容无法恢复。' });
    if (confirm) draft.discard();
  }

  return (
    <View>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => void discard()} /> : null}
      {dispatchSectionFields.map((field) => (
        <TextSection
          key={field.key}
          title={field.title}
          id={`dispatch-${field.key}`}
          value={form[field.key]}
          limit={DISPATCH_SECTION_MAX}
          placeholder={field.placeholder}
          onChange={(value) => edit((typed) => ({ ...typed, [field.key]: value }))}
        />
      ))}
      <View className='dispatch-actions'>
        <Button className='button button--primary' id='dispatch-save' disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}
