import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'success' | 'info' | 'warning';

export function Alert({
  tone,
  title,
  children,
}: {
  tone: AlertTone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={`alert alert--${tone}`}
      role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}
    >
      {title !== undefined ? <strong className="alert__title">{title}</strong> : null}
      {children !== undefined ? <div>{children}</div> : null}
    </div>
  );
}
