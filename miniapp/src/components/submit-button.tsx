import { Button } from '@tarojs/components';

/** A form's one primary button: inert and saying so while what it sent is on its way. */
export function SubmitButton({ id, busy, label, busyLabel, onClick }: {
  id: string;
  busy: boolean;
  label: string;
  busyLabel: string;
  onClick: () => void;
}) {
  return (
    <Button
      className='button button--primary'
      id={id}
      // Only ever `true` or absent: Taro's H5 button writes disabled="false" as an attribute, which its own
      // `[disabled]` style then greys out. No `loading`: on H5 its spinner is inserted among the children React
      // renders, and the label changing in the same render throws (insertBefore) inside Taro's button; the busy
      // label says it instead.
      disabled={busy || undefined}
      onClick={onClick}
    >
      {busy ? busyLabel : label}
    </Button>
  );
}
