import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundPage() {
  return (
    <section className="card not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link className="button button--primary" to={paths.home}>
        Go to the home page
      </Link>
    </section>
  );
}
