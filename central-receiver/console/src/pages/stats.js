// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.stats': 'stats' }, fr: { 'nav.stats': 'stats' }, nl: { 'nav.stats': 'stats' } });

export default {
  id: 'stats',
  label: 'nav.stats',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.stats')));
  },
};
