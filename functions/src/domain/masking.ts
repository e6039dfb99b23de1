/**
 * Personal data (ID numbers, phone numbers, addresses) is masked wherever many records are shown at once
 * (ARCHITECTURE.md, "Who may see what"); the full value is only in a single audited read.
 */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 3)}${'*'.repeat(Math.max(idNumber.length - 7, 0))}${idNumber.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Keeps the administrative part of an address (up to the village or street) and hides the house. */
export function maskAddress(address: string): string {
  const keep = Math.min(6, Math.ceil(address.length / 2));
  return `${address.slice(0, keep)}****`;
}

/** 张小明 → 张*明, 李四 → 李*: used where a guardian's name appears in a list. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
