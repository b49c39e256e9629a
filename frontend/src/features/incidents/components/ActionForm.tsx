import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../api/incidents';
import type { ActionField } from '../model/actionForm';

interface Props {
  action: string;
  fields: readonly ActionField[];
  missing: readonly string[];
  pending: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

/** The inputs an action needs (reason, note, result …) before it is sent. */
export function ActionForm({ action, fields, missing, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  return (
    <form className="action-form" data-testid={`action-form-${action}`} onSubmit={submit}>
      {fields.map((f) => (
        <label key={f.name} className={missing.includes(f.name) ? 'invalid' : ''}>
          {t(`field.${f.name}`)}
          {f.required ? ' *' : ''}
          <FieldInput field={f} value={values[f.name] ?? ''} onChange={(v) => set(f.name, v)} />
        </label>
      ))}
      <div className="actions">
        <button type="submit" data-testid="action-confirm" disabled={pending}>
          {t(`action.${action}`, { defaultValue: action })}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  );
}

function FieldInput({ field, value, onChange }: { field: ActionField; value: string; onChange: (v: string) => void }) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments().data;
  if (field.kind === 'choice') {
    return (
      <select value={value} onChange={(e) => onChange(e.target.value)} name={field.name}>
        <option value="" />
        {(field.choices ?? []).map((c) => (
          <option key={c} value={c}>
            {t(`choice.${c}`, { defaultValue: c })}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'department') {
    return (
      <select value={value} onChange={(e) => onChange(e.target.value)} name={field.name}>
        <option value="">{t('field.byRouting')}</option>
        {(departments ?? []).map((d) => (
          <option key={d.code} value={d.code}>
            {i18n.language.startsWith('en') && d.nameEn ? d.nameEn : d.name}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'number') return <input type="number" min={1} name={field.name} value={value} onChange={(e) => onChange(e.target.value)} />;
  return <textarea rows={2} name={field.name} value={value} onChange={(e) => onChange(e.target.value)} />;
}
