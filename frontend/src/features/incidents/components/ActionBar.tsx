import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRunAction } from '../api/incidents';
import { buildActionBody, fieldsFor } from '../model/actionForm';
import type { IncidentView } from '@onegrid/backend/contracts';
import { ActionForm } from './ActionForm';

/** The buttons for the actions the caller's role may take now; actions that need input open a small form first. */
export function ActionBar({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useRunAction();
  const [open, setOpen] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);

  async function submit(action: string, values: Record<string, string>) {
    const built = buildActionBody(action, incident.version, values);
    if (!built.ok) return setMissing(built.missing);
    const updated = await run(incident.id, action, built.body);
    if (updated) setOpen(null);
  }

  function click(action: string) {
    clearError();
    setMissing([]);
    if (fieldsFor(action).length > 0) setOpen(open === action ? null : action);
    else void submit(action, {});
  }

  const actions = incident.actions ?? [];
  if (actions.length === 0) return null;
  return (
    <div className="action-bar">
      <div className="actions">
        {actions.map((a) => (
          <button key={a} data-testid={`action-${a}`} className={open === a ? 'active' : ''} disabled={pending} onClick={() => click(a)}>
            {t(`action.${a}`, { defaultValue: a })}
          </button>
        ))}
      </div>
      {open && <ActionForm key={open} action={open} fields={fieldsFor(open)} missing={missing} pending={pending} onSubmit={(v) => void submit(open, v)} onCancel={() => setOpen(null)} />}
      {error && (
        <div className="error" role="alert" data-testid="action-error">
          {t(`errors.${error}`, { defaultValue: t('errors.generic', { code: error }) })}
        </div>
      )}
    </div>
  );
}
