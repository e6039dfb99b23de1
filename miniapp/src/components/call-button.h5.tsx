/** In the browser a tel: link is what opens the phone's dialer; a script setting location.href may be blocked. */
export function CallButton({ phone, id, label = '打电话' }: { phone: string; id?: string; label?: string }) {
  return (
    <a className='button button--small button--default call-button' id={id} href={`tel:${phone}`}>
      {label}
    </a>
  );
}
