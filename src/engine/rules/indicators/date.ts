/** Date targets (时效): met when the actual date is on or before the target, or the actual says 按时完成. */
import { DateValue, compareDates } from '../../values/date';

export function dateMet(target: DateValue, actual: DateValue | 'on-time'): boolean {
  if (actual === 'on-time') return true;
  return compareDates(actual, target) <= 0;
}
