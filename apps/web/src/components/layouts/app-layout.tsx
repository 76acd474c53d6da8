import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { type Permission, ROLE_LABELS, type SessionUser } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { filterByPermission } from '@/lib/authorization';

/** One menu entry. It names the permission it needs; without one, everyone signed in sees it. */
export interface NavItem {
  to: string;
  label: string;
  permission?: Permission;
  /** Match the address exactly (for the home entry). */
  end?: boolean;
}

interface AppLayoutProps {
  user: SessionUser;
  navItems: readonly NavItem[];
  onLogout: () => void;
  isLoggingOut?: boolean;
  children: ReactNode;
}

/** The frame of every signed-in screen: brand, the menu the user's role allows, who is signed in. */
export function AppLayout({
  user,
  navItems,
  onLogout,
  isLoggingOut = false,
  children,
}: AppLayoutProps) {
  const visible = filterByPermission(navItems, user.role);
  return (
    <div className="app-shell">
      <header className="app-header">
        <Link className="app-header__brand" to="/">
          MS5 <span>Floor Dashboard</span>
        </Link>
        <nav className="app-nav" aria-label="Main">
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end ?? false}
                  className={({ isActive }) =>
                    isActive ? 'app-nav__link app-nav__link--active' : 'app-nav__link'
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header__user">
          <div className="app-header__who" aria-label="Signed in user">
            <span className="app-header__name">{user.displayName}</span>
            <span className="app-header__role">{ROLE_LABELS[user.role]}</span>
          </div>
          <Button variant="ghost" onClick={onLogout} isLoading={isLoggingOut}>
            Log out
          </Button>
        </div>
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
