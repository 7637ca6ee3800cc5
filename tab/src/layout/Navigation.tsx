import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { pageAddress } from '../router/addresses';
import type { PageDefinition } from '../router/pages';
import { RouteLink } from '../router/RouteLink';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    listStyleType: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  link: { fontWeight: tokens.fontWeightRegular },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    textUnderlineOffset: '4px',
  },
});

export function Navigation({ pages, currentPage }: { pages: PageDefinition[]; currentPage: PageDefinition | undefined }) {
  const styles = useStyles();
  return (
    <nav aria-label="Pages">
      <ul className={styles.list}>
        {pages.map((page) => {
          const current = page === currentPage;
          return (
            <li key={page.path}>
              <RouteLink
                to={pageAddress(page.path)}
                className={mergeClasses(styles.link, current && styles.current)}
                aria-current={current ? 'page' : undefined}
              >
                {page.title}
              </RouteLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
