/** A real link: the phone's browser hands `tel:` to its dialler, and it still works with scripts blocked or broken. */
export function DialButton({ number, label, id, className }: { number: string; label: string; id?: string; className?: string }) {
  return (
    <a className={`button dial-button${className ? ` ${className}` : ''}`} id={id} href={`tel:${number}`}>
      {label}
    </a>
  );
}
