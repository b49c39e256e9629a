import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingInput } from '../api/publicApi';

const RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;

/** 回访: the holder rates the outcome with an optional comment; when dissatisfied, may ask for a redo if the district allows it. */
export function RatingForm({ canAskReopen, onRate }: { canAskReopen: boolean; onRate: (r: RatingInput) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string>('');
  const [comment, setComment] = useState('');
  const [reopen, setReopen] = useState(true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value) return;
    onRate({ value, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(value === 'dissatisfied' ? { reopen: canAskReopen && reopen } : {}) });
  };
  return (
    <form onSubmit={submit} data-testid="rating-form">
      <fieldset className="rating-form">
        <legend>{t('track.rate')}</legend>
        <div className="rating-choices">
          {RATINGS.map((r) => (
            <label key={r}>
              <input type="radio" name="rating" value={r} checked={value === r} onChange={() => setValue(r)} data-testid={`rating-${r}`} />
              {t(`choice.${r}`)}
            </label>
          ))}
        </div>
        <label>
          {t('tracking.comment')}
          <textarea rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="rating-comment" />
        </label>
        {value === 'dissatisfied' && canAskReopen && (
          <label className="choice">
            <input type="checkbox" checked={reopen} onChange={(e) => setReopen(e.target.checked)} data-testid="rating-reopen" />
            <span>{t('tracking.askReopen')}</span>
          </label>
        )}
        <button type="submit" disabled={!value} data-testid="rating-submit">
          {t('tracking.sendRating')}
        </button>
      </fieldset>
    </form>
  );
}
