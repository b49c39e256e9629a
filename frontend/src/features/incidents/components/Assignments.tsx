import { useTranslation } from 'react-i18next';
import { departmentName } from '../model/directoryNames';
import type { AssignmentView as Assignment, DepartmentView as Department } from '@onegrid/backend/contracts';
import { ClockBadge } from './ClockBadge';

/** The departments on a case (主办 lead, 协办 co-handlers), each with its own status and handling clock. */
export function Assignments({ assignments, departments }: { assignments: Assignment[]; departments: Department[] | undefined }) {
  const { t, i18n } = useTranslation();
  if (assignments.length === 0) return null;
  return (
    <ul className="assignments" data-testid="incident-assignments">
      {assignments.map((a) => (
        <li key={`${a.departmentCode}-${a.role}`}>
          <span className="muted small">{t(`detail.${a.role}_role`)}</span> {departmentName(departments, a.departmentCode, i18n.language)}{' '}
          <span className="muted small">{t(`assignment.${a.status}`, { defaultValue: a.status })}</span>{' '}
          {a.level && a.remainingMinutes != null && <ClockBadge clock={{ stage: 'handle', remainingMinutes: a.remainingMinutes, level: a.level }} />}
        </li>
      ))}
    </ul>
  );
}
