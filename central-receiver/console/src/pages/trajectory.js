// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.trajectory': 'trajectory' }, fr: { 'nav.trajectory': 'trajectory' }, nl: { 'nav.trajectory': 'trajectory' } });

export default {
  id: 'trajectory',
  label: 'nav.trajectory',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.trajectory')));
  },
};
