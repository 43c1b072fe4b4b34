// Why the engine would refuse what a panel's button would send, in the refusal's own words. The
// phase is left to each panel's phase note.
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../shared/engine/types.js';

export function WhyNot({ refusal }: { refusal: Refusal | null }) {
  const { t } = useTranslation();
  if (!refusal || refusal.code === 'wrong_phase' || refusal.code === 'match_over') return null;
  return (
    <p className="why-not" data-testid="why-not" data-code={refusal.code}>
      {t(`refusals.${refusal.code}`)}: {refusal.reason}
    </p>
  );
}
