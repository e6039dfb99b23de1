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
      // `[disabled]` style then greys out.
      disabled={busy || undefined}
      loading={busy || undefined}
      onClick={onClick}
    >
      {busy ? busyLabel : label}
    </Button>
  );
}
