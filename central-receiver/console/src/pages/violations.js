// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.violations': 'violations' }, fr: { 'nav.violations': 'violations' }, nl: { 'nav.violations': 'violations' } });

export default {
  id: 'violations',
  label: 'nav.violations',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.violations')));
  },
};
