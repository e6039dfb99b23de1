import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError, type VisitDetail } from '../../../api';
import {
  emptySettleForm,
  isBlankSettleForm,
  settleConfirmOf,
  settleConflictText,
  settleInputOf,
  settleProblemOf,
  type SettleForm,
} from '../../../lib/dispute-settlement';
import { api } from '../../../services/api';
import { settleDrafts } from '../../../services/offline-data';

const CONFLICT = 409;

export interface SettleFormControls {
  form: SettleForm;
  /** When the form came back from the phone: when it was last changed; else null. */
  restoredFrom: string | null;
  change: (update: (form: SettleForm) => SettleForm) => void;
  /** Throws the kept draft away and starts empty. */
  discard: () => void;
  problem: string | null;
  error: ApiError | null;
  sending: boolean;
  submit: () => Promise<void>;
}

/**
 * The supervisor's settlement form (issue 7, B2): kept on the phone as it is typed, so leaving the page loses
 * nothing; checked, confirmed, then sent once however fast it is tapped. It is sent on the version of the visit
 * the page showed: the server settles a dispute once per version, so a repeat of the same form, a double tap or
 * a retry after a lost answer, is refused rather than applied twice. A refusal (409) is explained once the visit
 * has been read again: settled by someone else, or already by this supervisor.
 */
export function useSettleForm(visit: VisitDetail, userId: string, onChanged: (visit: VisitDetail) => void): SettleFormControls {
  const [state, setState] = useState(() => {
    const draft = settleDrafts.load(userId, visit.id);
    return { form: draft?.form ?? emptySettleForm, restoredFrom: draft?.savedAt ?? null, edited: false };
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // A ref, not state: two taps in one frame both see the state of before the first.
  const inFlight = useRef(false);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!state.edited) return;
    if (isBlankSettleForm(state.form)) settleDrafts.clear(userId, visit.id);
    else settleDrafts.save(userId, visit.id, state.form, new Date());
  }, [state, userId, visit.id]);

  async function explainConflict() {
    try {
      const after = await api.visit(visit.childId, visit.id);
      if (after.resolution) settleDrafts.clear(userId, visit.id);
      await Taro.showModal({ title: '没有提交', content: settleConflictText(after, userId), showCancel: false, confirmText: '知道了' });
      onChanged(after);
    } catch (e) {
      setError(asApiError(e));
    }
  }

  async function send() {
    const found = settleProblemOf(state.form);
    setProblem(found);
    if (found || !state.form.outcome) return;
    if (!(await Taro.showModal(settleConfirmOf(state.form.outcome))).confirm) return;
    setError(null);
    try {
      const settled = await api.settleDispute(visit.childId, visit.id, settleInputOf(state.form, visit.version));
      settleDrafts.clear(userId, visit.id);
      void Taro.showToast({ title: '已提交处理结果', icon: 'success' });
      onChanged(settled);
    } catch (e) {
      const failure = asApiError(e);
      if (failure.status === CONFLICT) await explainConflict();
      else setError(failure);
    }
  }

  return {
    form: state.form,
    restoredFrom: state.restoredFrom,
    change: (update) => setState((s) => ({ ...s, form: update(s.form), edited: true })),
    discard: () => setState({ form: emptySettleForm, restoredFrom: null, edited: true }),
    problem,
    error,
    sending,
    async submit() {
      if (inFlight.current) return;
      inFlight.current = true;
      setSending(true);
      try {
        await send();
      } finally {
        inFlight.current = false;
        setSending(false);
      }
    },
  };
}
