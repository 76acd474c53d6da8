import type { ReactNode } from 'react';

/** The signed-out frame: one centred card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth-shell">
      <main className="auth-card">
        <p className="auth-card__brand">MS5 Floor Dashboard</p>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
