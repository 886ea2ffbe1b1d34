//! The exercises the window offers: one table row each, one form module each.

pub mod add;
pub mod echo;
pub mod file;
pub mod guess;
pub mod panel;

use std::sync::Arc;

use self::add::AddPanel;
use self::echo::EchoPanel;
use self::file::FilePanel;
use self::guess::GuessPanel;
use crate::gui::dialogs::FilePicker;

pub use self::panel::{ExercisePanel, PanelSettings, Roles};
use crate::net::echo::Service;

/// Every exercise, as the window names it (the enum the command line and the checker share).
pub use crate::exercise::Exercise as ExerciseId;
/// What the side list shows for an exercise: its row in the registry.
pub use crate::exercise::{EXERCISES, Info as ExerciseInfo};

/// Makes an exercise's panel from its saved settings (None: settings of another kind).
pub fn build_panel(
    id: ExerciseId,
    settings: PanelSettings,
    picker: &Arc<dyn FilePicker>,
) -> Option<Box<dyn ExercisePanel>> {
    use ExerciseId as E;
    use PanelSettings as S;
    let panel: Box<dyn ExercisePanel> = match id {
        E::TcpAdd | E::UdpAdd => {
            let S::Add(s) = settings else { return None };
            Box::new(AddPanel::new(id.tcp(), s))
        }
        E::TcpFile | E::UdpFile => {
            let S::File(s) = settings else { return None };
            Box::new(FilePanel::new(id.tcp(), s, Arc::clone(picker)))
        }
        E::Tftp => {
            let S::File(s) = settings else { return None };
            Box::new(FilePanel::new_tftp(s, Arc::clone(picker)))
        }
        E::TcpEcho | E::UdpEcho => {
            let S::Echo(s) = settings else { return None };
            Box::new(EchoPanel::new(id.tcp(), Service::Echo, s))
        }
        E::TcpUpper | E::UdpUpper => {
            let S::Echo(s) = settings else { return None };
            Box::new(EchoPanel::new(id.tcp(), Service::Upper, s))
        }
        E::UdpGuess => {
            let S::Guess(s) = settings else { return None };
            Box::new(GuessPanel::new(s))
        }
    };
    Some(panel)
}
