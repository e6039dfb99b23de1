import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError, type PolicyPreview, type PolicyRule, type PolicyView } from '../../../api';
import { changesOf, choiceOf, policyInputOf, rulesChanged, type PolicyChanges, type PolicyChoice } from '../../../lib/policy-choice';
import { api } from '../../../services/api';
import { forgetDistrictPolicy } from '../../../services/district-policies';

/** The choice rests this long before its preview is asked for (a few taps in a row make one request). */
const PREVIEW_PAUSE_MS = 300;
/** The version sent is no longer the stored one: someone saved meanwhile. */
const VERSION_CONFLICT = 409;

export type PreviewState =
  | { status: 'unchanged' }
  | { status: 'loading' }
  | { status: 'ready'; preview: PolicyPreview }
  | { status: 'failed'; error: ApiError };

/** What the last save did: the policy now in force, what it changed and what the preview said it would move. */
export interface SaveResult {
  policy: PolicyView;
  changes: PolicyChanges;
  preview: PolicyPreview | null;
}

export interface PolicyEditor {
  rules: PolicyRule[] | null;
  saved: PolicyView | null;
  choice: PolicyChoice | null;
  preview: PreviewState;
  /** Someone saved another version while this page was open: the page has reloaded and says so. */
  conflict: boolean;
  loadError: ApiError | null;
  saving: boolean;
  /** The last save of this page, until the choice changes again. */
  result: SaveResult | null;
  /** A save that failed for another reason than a conflict. */
  saveError: ApiError | null;
  setChoice: (choice: PolicyChoice) => void;
  /** Asks for the preview of the same choice again (it failed: patchy signal). */
  retryPreview: () => void;
  /** Loads the catalogue and the saved policy again, dropping the choice. */
  reload: () => void;
  /** Saves the choice against the version loaded, once however often it is called; true when it was saved. */
  save: () => Promise<boolean>;
}

/**
 * The district's rules being chosen: the catalogue and the saved policy, the officer's choice, its preview (asked
 * for whenever the rules or days differ from what is saved, not for the acknowledgement limits, which move no visit;
 * a late answer for an older choice is dropped) and the save,
 * both against the version loaded, so a page left open while someone else saved reloads and says so instead of
 * overwriting.
 */
export function usePolicyEditor(districtId: string | null): PolicyEditor {
  const [rules, setRules] = useState<PolicyRule[] | null>(null);
  const [saved, setSaved] = useState<PolicyView | null>(null);
  const [choice, setChoiceState] = useState<PolicyChoice | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ status: 'unchanged' });
  const [conflict, setConflict] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [previewAttempt, setPreviewAttempt] = useState(0);
  const asked = useRef(0);
  // Set at once, unlike `saving`: a second tap in the same moment finds it.
  const sending = useRef(false);

  const reload = useCallback(() => {
    if (!districtId) return;
    setLoadError(null);
    forgetDistrictPolicy(districtId);
    Promise.all([api.policyRules(), api.districtPolicy(districtId)]).then(
      ([catalogue, policy]) => {
        setRules(catalogue);
        setSaved(policy);
        setChoiceState(choiceOf(policy));
      },
      (e: unknown) => setLoadError(asApiError(e)),
    );
  }, [districtId]);

  useEffect(reload, [reload]);

  const onConflict = useCallback(() => {
    setConflict(true);
    setResult(null);
    reload();
  }, [reload]);

  // Keyed on the rules and the days alone: a tap on a limit keeps the preview already there.
  const ruleIds = choice?.ruleIds;
  const unconfirmedAfterDays = choice?.unconfirmedAfterDays;
  useEffect(() => {
    const call = ++asked.current;
    if (!districtId || !saved || !ruleIds || unconfirmedAfterDays === undefined || !rulesChanged({ ruleIds, unconfirmedAfterDays }, saved)) {
      setPreview({ status: 'unchanged' });
      return;
    }
    setPreview({ status: 'loading' });
    const timer = setTimeout(() => {
      api.previewPolicy(districtId, { ruleIds, unconfirmedAfterDays, version: saved.version }).then(
        (answer) => {
          if (call === asked.current) setPreview({ status: 'ready', preview: answer });
        },
        (e: unknown) => {
          if (call !== asked.current) return;
          const error = asApiError(e);
          if (error.status === VERSION_CONFLICT) onConflict();
          else setPreview({ status: 'failed', error });
        },
      );
    }, PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [districtId, saved, ruleIds, unconfirmedAfterDays, onConflict, previewAttempt]);

  const retryPreview = useCallback(() => setPreviewAttempt((n) => n + 1), []);

  const setChoice = useCallback((next: PolicyChoice) => {
    setChoiceState(next);
    setConflict(false);
    setResult(null);
    setSaveError(null);
  }, []);

  const save = useCallback(async () => {
    if (!districtId || !saved || !choice || sending.current) return false;
    sending.current = true;
    setSaving(true);
    setSaveError(null);
    const moved = preview.status === 'ready' ? preview.preview : null;
    const changes = changesOf(choice, saved);
    try {
      const policy = await api.updatePolicy(districtId, policyInputOf(choice, saved));
      forgetDistrictPolicy(districtId);
      setSaved(policy);
      setChoiceState(choiceOf(policy));
      setResult({ policy, changes, preview: moved });
      return true;
    } catch (e) {
      const error = asApiError(e);
      if (error.status === VERSION_CONFLICT) onConflict();
      else setSaveError(error);
      return false;
    } finally {
      sending.current = false;
      setSaving(false);
    }
  }, [districtId, saved, choice, preview, onConflict]);

  return { rules, saved, choice, preview, conflict, loadError, saving, result, saveError, setChoice, retryPreview, reload, save };
}
