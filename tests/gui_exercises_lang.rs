//! The exercise pages in the window's language: their forms' labels, buttons and notes as a
//! user reads them in Portuguese and Spanish (no server is started).

#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use socklab::gui::SocklabApp;
use socklab::gui::app::Settings;
use socklab::gui::exercises::ExerciseId;
use socklab::i18n::Lang;

/// The window on `exercise`, speaking `language`.
fn window(exercise: ExerciseId, language: Lang) -> Harness<'static, SocklabApp> {
    let mut harness = Harness::builder()
        .with_size([1300.0, 1400.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(Settings {
                exercise,
                language: Some(language),
                ..Settings::default()
            }),
        );
    harness.run_steps(2);
    harness
}

fn shows<S>(harness: &Harness<'_, S>, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

fn shows_part<S>(harness: &Harness<'_, S>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn the_add_exercise_form_speaks_portuguese_of_portugal() {
    let mut harness = window(ExerciseId::TcpAdd, Lang::PtPt);
    for label in [
        "Servidor",
        "Cliente",
        "Nome do servidor",
        "Número do servidor",
        "Aleatório em cada início",
        "Parar quando um número está fora do intervalo (regra da aula)",
        "Endereço de escuta",
        "Porta",
        "▶ Iniciar servidor",
        "Endereço do servidor",
        "Nome do cliente",
        "Número do cliente",
        "Formato da mensagem",
        "✉ Enviar",
    ] {
        assert!(shows(&harness, label), "no {label:?}");
    }
    assert_eq!(
        harness
            .get_by_label("Endereço de escuta")
            .value()
            .as_deref(),
        Some("Todas as interfaces (0.0.0.0)")
    );
    assert!(shows_part(&harness, "Vai enviar: "));
    for english in [
        "Server name",
        "Client number",
        "▶ Start server",
        "✉ Send",
        "Port",
    ] {
        assert!(!shows(&harness, english), "{english:?} is still shown");
    }

    // A word where the client's number goes is refused in Portuguese.
    harness.get_by_label("Número do cliente").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label("Número do cliente").type_text("dez");
    harness.run_steps(2);
    assert!(shows(&harness, "Escreva um número inteiro de 1 a 100."));
    assert!(shows(
        &harness,
        "Nada a enviar até o formulário estar certo."
    ));
}

#[test]
fn the_file_exercise_form_speaks_spanish() {
    let mut harness = window(ExerciseId::TcpFile, Lang::Es);
    for label in [
        "Servidor",
        "Cliente",
        "Carpeta compartida",
        "Elegir carpeta…",
        "Servir archivos ocultos",
        "Puerto",
        "▶ Iniciar servidor",
        "Dirección del servidor",
        "Nombre del archivo remoto",
        "Guardar como",
        "Guardar como…",
        "⬇ Descargar",
        "Cancelar",
        "Escriba el nombre del archivo en el servidor.",
        "Comparar archivos",
    ] {
        assert!(shows(&harness, label), "no {label:?}");
    }
    for english in [
        "Shared folder",
        "Remote file name",
        "⬇ Download",
        "Compare files",
    ] {
        assert!(!shows(&harness, english), "{english:?} is still shown");
    }

    // A port that is no number is explained in Spanish.
    harness.get_by_label("Puerto").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label("Puerto").type_text("abc");
    harness.run_steps(2);
    assert!(shows(
        &harness,
        "\"abc\" no es un número: escriba del 1 al 65535"
    ));

    // The comparison tool opens in Spanish too.
    harness.get_by_label("Comparar archivos").click();
    harness.run_steps(2);
    for label in ["Archivo A", "Archivo B", "Examinar A…", "Comparar"] {
        assert!(shows(&harness, label), "no {label:?}");
    }
}

#[test]
fn the_guess_exercise_and_its_network_conditions_speak_portuguese_of_brazil() {
    let harness = window(ExerciseId::UdpGuess, Lang::PtBr);
    for label in [
        "Segredo",
        "Aleatório a cada jogo",
        "Respostas",
        "Mostrar segredo",
        "Seu palpite",
        "Pausa do jogo automático",
        "Chutar",
        "Jogo automático",
        "Novo jogo",
        "Palpites: 0",
    ] {
        assert!(shows(&harness, label), "no {label:?}");
    }
    assert!(shows_part(&harness, "Condições de rede (simuladas)"));
    assert!(!shows_part(&harness, "Network conditions"));
}
